/**
 * Matters deputies raise year after year (drawn from the kinds of suggestions the seed articles
 * describe), each with the category and the unit that usually handles it. `{place}` is replaced
 * by a township name. Used for demo data and, later, for benchmark texts.
 */
export interface DemoMatter {
  category: string;
  unit: string;
  coUnit?: string;
  title: string;
  grounds: string;
  proposals: string;
}

export const demoCategories: { name: string; units: string[] }[] = [
  { name: '城乡建设', units: ['县住房和城乡建设局', '县自然资源局'] },
  { name: '交通出行', units: ['县交通运输局', '县公安局'] },
  { name: '教育', units: ['县教育局'] },
  { name: '医疗卫生', units: ['县卫生健康委员会', '县医疗保障局'] },
  { name: '农业农村', units: ['县农业农村局', '县乡村振兴局', '县水利局'] },
  { name: '社会保障', units: ['县人力资源和社会保障局', '县民政局'] },
  { name: '生态环境', units: ['市生态环境局青禾分局', '县林业局'] },
  { name: '经济发展', units: ['县发展和改革局', '县商务局', '县工业和信息化局'] },
  { name: '政法与安全', units: ['县公安局', '县司法局', '县应急管理局'] },
  { name: '文化旅游', units: ['县文化广电和旅游局'] },
  { name: '城市管理', units: ['县城市管理局', '县市场监督管理局'] },
];

export const demoMatters: DemoMatter[] = [
  {
    category: '城乡建设',
    unit: '县住房和城乡建设局',
    coUnit: '县城市管理局',
    title: '关于解决{place}老旧小区停车难问题的建议',
    grounds:
      '{place}老旧小区建成年代早，规划车位严重不足，居民车辆只能停在消防通道和人行道上，既影响通行又存在安全隐患，群众反映强烈。',
    proposals:
      '一、利用小区周边闲置地块建设立体停车场；二、推行机关单位停车场夜间错时共享；三、规范路边临时停车泊位管理。',
  },
  {
    category: '城乡建设',
    unit: '县住房和城乡建设局',
    title: '关于加快{place}老旧小区加装电梯的建议',
    grounds:
      '{place}多层住宅老年住户比例高，上下楼困难，加装电梯意愿强烈，但审批流程复杂、资金分摊难以协调。',
    proposals: '简化加装电梯审批流程，明确财政补贴标准，由街道社区牵头协调业主分摊费用。',
  },
  {
    category: '交通出行',
    unit: '县交通运输局',
    coUnit: '县公安局',
    title: '关于在{place}学校门口增设交通安全设施的建议',
    grounds:
      '{place}中心小学门口紧邻主干道，上下学高峰时段车流量大，缺少减速带和人行横道信号灯，学生过马路存在安全隐患。',
    proposals: '在学校门口增设减速带、人行横道信号灯和护学岗，上下学时段安排交警疏导交通。',
  },
  {
    category: '交通出行',
    unit: '县交通运输局',
    title: '关于开通{place}至县城公交线路的建议',
    grounds: '{place}距县城二十余公里，目前只有私人客车往返，班次少、票价高，群众就医、上学出行不便。',
    proposals: '开通{place}至县城的城乡公交线路，发车间隔不超过三十分钟，并对老年人实行优惠票价。',
  },
  {
    category: '交通出行',
    unit: '县交通运输局',
    title: '关于修缮{place}通村公路的建议',
    grounds: '{place}通村公路建成已逾十年，路面破损、坑洼严重，雨天积水，农产品运输和群众出行困难。',
    proposals: '将该路段列入年度农村公路提质改造计划，同步完善排水设施和安全防护栏。',
  },
  {
    category: '教育',
    unit: '县教育局',
    title: '关于改善{place}乡村学校教师住宿条件的建议',
    grounds: '{place}乡村学校青年教师多为外地人员，学校周转宿舍年久失修，住宿条件差，教师流失严重。',
    proposals: '新建或改造乡村教师周转宿舍，落实乡村教师生活补助，稳定乡村教师队伍。',
  },
  {
    category: '教育',
    unit: '县教育局',
    coUnit: '县财政局',
    title: '关于增加{place}公办幼儿园学位的建议',
    grounds: '{place}新建小区入住人口增加，公办幼儿园学位紧张，不少家庭只能选择收费较高的民办园。',
    proposals: '在新建小区配套建设公办幼儿园，扩大普惠性学前教育资源供给。',
  },
  {
    category: '医疗卫生',
    unit: '县卫生健康委员会',
    title: '关于提升{place}卫生院诊疗能力的建议',
    grounds: '{place}卫生院医疗设备陈旧，缺少专业医生，群众小病也要到县城就医，负担较重。',
    proposals: '推进县域医共体建设，安排县级医院医生定期坐诊，更新卫生院检查设备。',
  },
  {
    category: '医疗卫生',
    unit: '县医疗保障局',
    title: '关于简化异地就医备案手续的建议',
    grounds: '在外务工人员异地就医备案手续繁琐，部分群众不会使用手机办理，报销周期长。',
    proposals: '推广线上备案，在村级便民服务点提供代办服务，缩短报销周期。',
  },
  {
    category: '农业农村',
    unit: '县水利局',
    coUnit: '县农业农村局',
    title: '关于修复{place}农田灌溉水渠的建议',
    grounds: '{place}主要灌溉水渠多处渗漏坍塌，春灌时下游农田无法及时灌溉，影响粮食生产。',
    proposals: '将该水渠纳入小型农田水利工程维修计划，汛期前完成渠道防渗改造。',
  },
  {
    category: '农业农村',
    unit: '县农业农村局',
    title: '关于扶持{place}特色农产品品牌建设的建议',
    grounds: '{place}特色农产品品质好但缺乏品牌，销售渠道单一，农民增收受限。',
    proposals: '支持农民专业合作社注册地理标志商标，搭建电商销售平台，开展农产品推介活动。',
  },
  {
    category: '农业农村',
    unit: '县乡村振兴局',
    title: '关于完善{place}农村快递物流网点的建议',
    grounds: '{place}多数行政村没有快递网点，群众取件要到镇上，农产品寄出成本高，快递“最后一公里”问题突出。',
    proposals: '整合邮政和快递企业资源，在行政村设立综合服务站点，实现快递进村。',
  },
  {
    category: '社会保障',
    unit: '县民政局',
    title: '关于在{place}建设社区养老服务中心的建议',
    grounds: '{place}老龄化程度高，独居和空巢老人多，缺少日间照料和助餐服务设施。',
    proposals: '利用闲置校舍等资源建设社区养老服务中心，提供日间照料、老年助餐等服务。',
  },
  {
    category: '社会保障',
    unit: '县人力资源和社会保障局',
    title: '关于加强农民工工资支付保障的建议',
    grounds: '部分建设项目存在拖欠农民工工资现象，农民工维权渠道不畅，影响社会稳定。',
    proposals: '全面落实工资专用账户和保证金制度，畅通欠薪投诉渠道，加大执法检查力度。',
  },
  {
    category: '生态环境',
    unit: '市生态环境局青禾分局',
    title: '关于治理{place}河道污染的建议',
    grounds: '{place}河道沿线有养殖场和小作坊污水直排，河水发黑发臭，周边群众意见很大。',
    proposals: '开展河道沿线排污口排查整治，建设污水收集管网，落实河长制日常巡查。',
  },
  {
    category: '生态环境',
    unit: '县林业局',
    title: '关于加强{place}山林防火设施建设的建议',
    grounds: '{place}山林面积大，防火通道和蓄水池不足，一旦发生火情难以及时扑救。',
    proposals: '建设防火通道和蓄水池，配备必要的扑火装备，加强护林员队伍建设。',
  },
  {
    category: '经济发展',
    unit: '县发展和改革局',
    title: '关于支持{place}工业园区基础设施建设的建议',
    grounds: '{place}工业园区道路、供水、供电等配套设施不完善，影响企业入驻和项目落地。',
    proposals: '将园区基础设施纳入县重点项目，多渠道筹措资金，加快配套设施建设。',
  },
  {
    category: '经济发展',
    unit: '县工业和信息化局',
    title: '关于加快{place}充电桩建设的建议',
    grounds: '{place}新能源汽车保有量快速增长，但公共充电桩数量少、分布不均，充电难问题突出。',
    proposals: '制定充电基础设施建设规划，在集镇、停车场和小区合理布设充电桩。',
  },
  {
    category: '政法与安全',
    unit: '县公安局',
    title: '关于在{place}重点路段加装监控设施的建议',
    grounds: '{place}部分路段和村庄出入口没有视频监控，夜间偷盗时有发生，群众安全感不足。',
    proposals: '将该区域纳入“雪亮工程”建设，在重点路段和村口加装高清监控。',
  },
  {
    category: '文化旅游',
    unit: '县文化广电和旅游局',
    title: '关于保护和开发{place}古村落的建议',
    grounds: '{place}古村落历史悠久，但部分古建筑年久失修，缺乏保护和合理开发。',
    proposals: '编制古村落保护规划，争取传统村落保护资金，发展乡村旅游。',
  },
  {
    category: '城市管理',
    unit: '县城市管理局',
    title: '关于规范{place}农贸市场周边秩序的建议',
    grounds: '{place}农贸市场周边占道经营、乱停乱放现象严重，早晚高峰交通拥堵。',
    proposals: '合理设置临时摊点区域，加强日常巡查管理，增设非机动车停放点。',
  },
  {
    category: '城市管理',
    unit: '县市场监督管理局',
    title: '关于加强{place}校园周边食品安全监管的建议',
    grounds: '{place}学校周边小摊贩销售“三无”食品，存在食品安全隐患，家长十分担忧。',
    proposals: '开展校园周边食品安全专项整治，建立常态化巡查机制，加强食品安全宣传。',
  },
];
