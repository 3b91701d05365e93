/**
 * Surnames that start a person's name in free text (maskFreeText). Kept short on purpose: the
 * common single surnames (about 130, most people in Zhejiang and Jiangxi, the
 * simulator's included) and the compound ones still in use. A longer list would make more
 * ordinary words look like names; a rarer surname after a role word is missed, never a place.
 *
 * Left out although they are surnames: 向 (向西: a direction after a plate), 车 (嫌疑车辆),
 * 于 (a preposition: 于10时), 公 and 国 (公安局, 国道), 路 and 山 (place words).
 */

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(
  [
    ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万钱戴严莫孔常汤康易乔赖文施洪辛柯庄祝殷应鲁翁俞游饶詹童舒柴盛邬裘楼缪占揭',
  ],
);

export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳',
  '司马',
  '诸葛',
  '上官',
  '慕容',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '令狐',
  '夏侯',
  '端木',
  '长孙',
  '宇文',
  '司徒',
  '南宫',
]);
