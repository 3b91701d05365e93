import { describe, expect, it } from 'vitest';
import { maskFreeText, scanFreeText } from './maskFreeText';

describe('maskFreeText: numbers and plates wherever they stand', () => {
  it.each([
    ['车主 330822199001011234 驾车外逃', '车主 330822********1234 驾车外逃'],
    ['联系电话13812345678，请回电', '联系电话138****5678，请回电'],
    ['电话 138-1234-5678', '电话 138****5678'],
    ['浙H·12345 无牌摩托车', '浙H·1**** 无牌摩托车'],
    ['嫌疑车辆赣E12345向西', '嫌疑车辆赣E1****向西'],
    ['新能源车浙HD12345', '新能源车浙HD*****'],
    ['电话+8613812345678', '电话138****5678'],
    ['8613812345678', '138****5678'],
    ['+86 138 1234 5678', '138****5678'],
    ['挂车赣E·1234挂', '挂车赣E·1****'],
    ['小写浙h12345', '小写浙H1****'],
    // Not personal: counts, times, ids and short numbers stay as they are.
    ['15分钟内拦截，共12个网格', '15分钟内拦截，共12个网格'],
    ['alert-20261123-0001', 'alert-20261123-0001'],
    ['订单号 1234567890123456789012', '订单号 1234567890123456789012'],
    ['', ''],
  ])('masks %j as %j', (text, masked) => expect(maskFreeText(text)).toBe(masked));
});

describe('maskFreeText: names of the persons a record is about', () => {
  it.each([
    // The cases: nothing whole of plate, name or phone.
    ['卡口 抓拍赣E·A1234 车主王小明 13812345678', '卡口 抓拍赣E·A**** 车主王** 138****5678'],
    ['协查 王小明 330822********1234', '协查 王** 330822********1234'],
    ['协查 王小明 330822199001011234', '协查 王** 330822********1234'],
    // After a subject's role word, with or without a separator or a linking word.
    ['车主王小明驾车外逃', '车主王**驾车外逃'],
    ['车主为王小明', '车主为王**'],
    ['嫌疑人：张伟，男，31岁', '嫌疑人：张*，男，31岁'],
    ['当事人李四、王五在场', '当事人李*、王*在场'],
    ['报警人祝福根称被骗', '报警人祝**称被骗'],
    ['失主欧阳春生报案', '失主欧***报案'],
    ['协查对象郑建国', '协查对象郑**'],
    ['在逃人员陈秀英', '在逃人员陈**'],
    ['司机刘洋向西逃逸', '司机刘*向西逃逸'],
    ['租客 徐丽娟 联系电话 13912345678', '租客 徐** 联系电话 139****5678'],
    ['姓名：王某', '姓名：王*'],
    // Next to an ID number, a phone or a plate, with no role word.
    ['王小明 330822199001011234', '王** 330822********1234'],
    ['王小明身份证330822199001011234', '王**身份证330822********1234'],
    ['联系人李四13812345678', '联系人李*138****5678'],
    ['330822199001011234 王小明驾车', '330822********1234 王**驾车'],
    ['13812345678（杨建华）', '138****5678（杨**）'],
    ['赣E·A1234 叶海燕', '赣E·A**** 叶**'],
    ['叶海燕 138****5678', '叶** 138****5678'],
  ])('masks %j as %j', (text, masked) => expect(maskFreeText(text)).toBe(masked));

  it.each([
    // Officers are not the persons masking protects (ARCHITECTURE.md): their role words trigger nothing.
    ['值班民警王小明已签收', '值班民警王小明已签收'],
    ['值班人员李四到场处置', '值班人员李四到场处置'],
    ['民警张伟带队巡查', '民警张伟带队巡查'],
    // Place and unit names stay readable, beside a number or a role word too.
    ['常山县公安局 13812345678', '常山县公安局 138****5678'],
    ['白石镇 330822199001011234', '白石镇 330822********1234'],
    ['球川卡口 浙H·12345', '球川卡口 浙H·1****'],
    ['可疑人员白石村出没', '可疑人员白石村出没'],
    ['在逃人员', '在逃人员'],
    ['协查请求：拦截嫌疑车辆', '协查请求：拦截嫌疑车辆'],
    ['常山县', '常山县'],
    ['白石边界警务融治工作站', '白石边界警务融治工作站'],
    ['球川派出所', '球川派出所'],
    ['高速巡逻车 G60', '高速巡逻车 G60'],
  ])('leaves %j readable: %j', (text, masked) => expect(maskFreeText(text)).toBe(masked));

  it('returns text with nothing to mask as the same string, so interned strings stay shared', () => {
    const text = '白石边界警务融治工作站';
    expect(maskFreeText(text)).toBe(text);
  });

  it('masks what it masked before the same way: masking twice changes nothing more', () => {
    const once = maskFreeText('卡口 抓拍赣E·A1234 车主王小明 13812345678 协查 李四 330822199001011234');
    expect(maskFreeText(once)).toBe(once);
  });
});

describe('maskFreeText: short texts remembered', () => {
  // Personal data of every kind the scan masks, in the short texts the memo keeps.
  const names = ['王小明', '欧阳春生', '张伟', '陈秀英'];
  const numbers = ['330822199001011234', '13812345678', '138-1234-5678', '浙H·12345', '赣E·A1234', '330822********1234', '138****5678'];
  const texts = [
    ...names.flatMap((name) => numbers.flatMap((number) => [`车主${name} ${number}`, `${name}身份证${number}`, `${number}（${name}）`, `协查 ${name}`, `值班民警${name}`])),
    '视频点位12',
    '白石边界警务融治工作站',
    '',
  ];

  it('gives exactly what a fresh scan gives, the first time, again, and for an equal text made anew', () => {
    for (const text of texts) {
      const fresh = scanFreeText(text);
      expect(maskFreeText(text), text).toBe(fresh);
      expect(maskFreeText(text), text).toBe(fresh);
      expect(maskFreeText(`${text} `.slice(0, -1)), text).toBe(fresh);
    }
    // The corpus has teeth: most of it holds something to mask.
    expect(texts.filter((text) => scanFreeText(text) !== text).length).toBeGreaterThan(texts.length / 2);
  });

  it('still masks the same once more distinct texts than it holds have passed', () => {
    for (const text of texts) maskFreeText(text);
    for (let index = 0; index < 25_000; index++) expect(maskFreeText(`巡逻${index}`)).toBe(`巡逻${index}`);
    for (const text of texts) expect(maskFreeText(text), text).toBe(scanFreeText(text));
  });

  it('masks a long text whole, past what it remembers', () => {
    const long = `${'联合巡逻，'.repeat(12)}车主王小明 13812345678`;
    expect(long.length).toBeGreaterThan(64);
    expect(maskFreeText(long)).toBe(scanFreeText(long));
    expect(maskFreeText(long)).toContain('王** 138****5678');
  });
});
