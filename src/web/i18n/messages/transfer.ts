/** Excel import and export of deputies, units and users. */
export const transferMessages = {
  importExcel: { zh: '导入', en: 'Import' },
  exportExcel: { zh: '导出 Excel', en: 'Export to Excel' },
  exportStarted: { zh: '已开始下载', en: 'Download started' },
  downloadTemplate: { zh: '下载模板', en: 'Download template' },
  transferChooseBodyFirst: {
    zh: '请先在下方筛选中选择人大机关',
    en: 'Choose a congress body in the filters below first',
  },
  importTitle: { zh: '从 Excel 导入{kind}', en: 'Import from Excel: {kind}' },
  importTarget: { zh: '导入到：', en: 'Import into: ' },
  importSteps: {
    zh: '请先下载模板，按模板第一行的列名填写（示例行可删除），保存为 .xlsx 后上传。先点「检查」核对，无误后再点「导入」。',
    en: 'Download the template and fill it in under its header row (the sample row may be deleted), save as .xlsx and upload. Press “Check” first, then “Import”.',
  },
  importFile: { zh: 'Excel 文件', en: 'Excel file' },
  importDrop: { zh: '点击或拖入 .xlsx 文件', en: 'Click or drop an .xlsx file' },
  importDropHint: { zh: '不超过 {size} MB', en: 'Up to {size} MB' },
  importNotXlsx: {
    zh: '只能上传 .xlsx 文件。.xls 或 CSV 文件请先在 Excel 中另存为 .xlsx。',
    en: 'Only .xlsx files. Save .xls or CSV files as .xlsx in Excel first.',
  },
  importTooLarge: {
    zh: '文件超过 {size} MB，请拆分后分批导入。',
    en: 'The file exceeds {size} MB; split it.',
  },
  importMode: { zh: '导入方式', en: 'Mode' },
  importModeAll: { zh: '全部正确才导入', en: 'Only if every row is valid' },
  importModeAllHint: {
    zh: '有任何一行错误就不导入，改好后整份重新上传',
    en: 'Any bad row stops the whole import',
  },
  importModeValid: { zh: '只导入正确的行', en: 'Import the valid rows' },
  importModeValidHint: {
    zh: '跳过有错误的行，其余照常导入',
    en: 'Skip the bad rows and import the rest',
  },
  importCheck: { zh: '检查', en: 'Check' },
  importRun: { zh: '导入', en: 'Import' },
  importDone: { zh: '完成', en: 'Done' },
  importCheckFirst: { zh: '请先检查', en: 'Check the file first' },
  importTotalRows: { zh: '数据行', en: 'Rows' },
  importValidRows: { zh: '正确', en: 'Valid' },
  importInvalidRows: { zh: '有误', en: 'Invalid' },
  importImportedRows: { zh: '已导入', en: 'Imported' },
  importCheckOk: {
    zh: '检查通过：{total} 行全部正确，可以导入。',
    en: 'All {total} rows are valid and can be imported.',
  },
  importCheckPartial: {
    zh: '{invalid} 行有误。按「只导入正确的行」导入时将跳过这些行，导入其余 {valid} 行。',
    en: '{invalid} rows are invalid. Importing the valid rows skips them and imports the other {valid}.',
  },
  importCheckRefused: {
    zh: '{invalid} 行有误。按「全部正确才导入」方式不会导入任何数据：请按下表修改后重新上传，或改选「只导入正确的行」。',
    en: '{invalid} rows are invalid, so “Only if every row is valid” imports nothing. Fix them as listed below, or choose “Import the valid rows”.',
  },
  importCheckNone: {
    zh: '没有可以导入的正确行，请按下表修改后重新上传。',
    en: 'No row is valid; fix the file as listed below and upload it again.',
  },
  importResultOk: { zh: '导入完成：已导入 {imported} 行。', en: 'Imported {imported} rows.' },
  importResultSkipped: {
    zh: '导入完成：已导入 {imported} 行，跳过有误的 {invalid} 行。',
    en: 'Imported {imported} rows; skipped {invalid} invalid rows.',
  },
  importErrorsTitle: { zh: '错误清单', en: 'Errors' },
  importErrorsTruncated: {
    zh: '错误较多，只列出前 {count} 条。通常是同一类问题，请先按这些修改。',
    en: 'Only the first {count} errors are listed; they are usually one kind of mistake.',
  },
  importColumnRow: { zh: '行', en: 'Row' },
  importColumnColumn: { zh: '列', en: 'Column' },
  importColumnValue: { zh: '值', en: 'Value' },
  importColumnMessage: { zh: '问题', en: 'Problem' },
  importAccountsTitle: { zh: '新建的登录账号（{count} 个）', en: 'New accounts ({count})' },
  importAccountsWarning: {
    zh: '初始密码只显示这一次，关闭后无法再次查看。请立即「复制全部」并妥善转交本人；首次登录须修改密码。',
    en: 'The initial passwords are shown only now and cannot be viewed again. Copy them all and hand them over safely; each must be changed at first sign-in.',
  },
  importAccountsCopyAll: { zh: '复制全部', en: 'Copy all' },
  importAccountsCloseConfirm: {
    zh: '初始密码关闭后无法再次查看。确定已复制并保存了吗？',
    en: 'The initial passwords cannot be viewed again. Have you copied them?',
  },
  importInitialPassword: { zh: '初始密码', en: 'Initial password' },
} as const;
