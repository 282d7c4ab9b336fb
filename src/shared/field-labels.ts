/**
 * Human names of input fields, used in validation messages ("「用户名」至少 3 个字符") and by the
 * web app's forms. One dictionary so the API and the UI name a field the same way.
 */
export const fieldLabels: Record<string, { zh: string; en: string }> = {
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  currentPassword: { zh: '当前密码', en: 'Current password' },
  newPassword: { zh: '新密码', en: 'New password' },
  code: { zh: '验证码', en: 'Code' },
  displayName: { zh: '姓名', en: 'Name' },
  name: { zh: '名称', en: 'Name' },
  level: { zh: '层级', en: 'Level' },
  parentId: { zh: '上级人大', en: 'Parent body' },
  bodyId: { zh: '所属人大', en: 'Congress body' },
  termId: { zh: '届次', en: 'Term' },
  sessionId: { zh: '会议', en: 'Session' },
  unitId: { zh: '承办单位', en: 'Unit' },
  committeeId: { zh: '委员会', en: 'Committee' },
  delegationId: { zh: '代表团', en: 'Delegation' },
  groupId: { zh: '代表小组', en: 'Deputy group' },
  number: { zh: '届次/次数', en: 'Number' },
  startDate: { zh: '开始日期', en: 'Start date' },
  endDate: { zh: '结束日期', en: 'End date' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  regionName: { zh: '行政区域', en: 'Region' },
  kind: { zh: '类型', en: 'Kind' },
  shortName: { zh: '简称', en: 'Short name' },
  contactPerson: { zh: '联系人', en: 'Contact person' },
  contactPhone: { zh: '联系电话', en: 'Contact phone' },
  departments: { zh: '内设科室', en: 'Departments' },
  departmentId: { zh: '内设科室', en: 'Department' },
  active: { zh: '启用', en: 'Active' },
  gender: { zh: '性别', en: 'Gender' },
  ethnicity: { zh: '民族', en: 'Ethnicity' },
  birthYear: { zh: '出生年份', en: 'Birth year' },
  occupation: { zh: '职业', en: 'Occupation' },
  phone: { zh: '手机号码', en: 'Phone' },
  email: { zh: '电子邮箱', en: 'Email' },
  address: { zh: '地址', en: 'Address' },
  electoralDistrict: { zh: '选区', en: 'Electoral district' },
  status: { zh: '状态', en: 'Status' },
  role: { zh: '角色', en: 'Role' },
  roles: { zh: '角色', en: 'Roles' },
  position: { zh: '职务', en: 'Position' },
  deputyId: { zh: '代表', en: 'Deputy' },
  page: { zh: '页码', en: 'Page' },
  pageSize: { zh: '每页条数', en: 'Page size' },
  q: { zh: '搜索词', en: 'Search text' },
  from: { zh: '起算日期', en: 'Start date' },
  months: { zh: '月数', en: 'Months' },
  workingDays: { zh: '工作日数', en: 'Working days' },
  days: { zh: '天数', en: 'Days' },
  year: { zh: '年份', en: 'Year' },
  month: { zh: '月份', en: 'Month' },
  date: { zh: '日期', en: 'Date' },
  note: { zh: '备注', en: 'Note' },
  settings: { zh: '规则设置', en: 'Settings' },
  file: { zh: '文件', en: 'File' },
  mode: { zh: '导入方式', en: 'Import mode' },
  dryRun: { zh: '试导入', en: 'Dry run' },
  seat: { zh: '席位', en: 'Seat' },
  seatId: { zh: '席位', en: 'Seat' },
  includeLower: { zh: '包含下级', en: 'Include lower bodies' },
  userId: { zh: '登录账号', en: 'Account' },
  terminatedOn: { zh: '终止日期', en: 'Terminated on' },
  reason: { zh: '原因', en: 'Reason' },
};

export function fieldLabel(field: string, locale: 'zh' | 'en'): string {
  const last =
    field
      .split('.')
      .filter((part) => !/^\d+$/.test(part))
      .pop() ?? field;
  return fieldLabels[last]?.[locale] ?? last;
}
