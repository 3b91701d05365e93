import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, maskPlate } from './maskPersonalData';

describe('masking personal data', () => {
  it.each([
    ['330822199001011234', '330822********1234'],
    ['36112319851231002X', '361123********002X'],
    ['330822900101123', '330822*****1123'],
    ['33082219900101', '**************'],
    ['', ''],
  ])('masks the ID number %j as %j', (value, masked) => expect(maskIdNumber(value)).toBe(masked));

  it.each([
    ['13812345678', '138****5678'],
    ['138-1234-5678', '138****5678'],
    ['0570-7654321', '*******4321'],
    ['12345', '*****'],
  ])('masks the phone number %j as %j', (value, masked) => expect(maskPhone(value)).toBe(masked));

  it.each([
    ['浙H·12345', '浙H·1****'],
    ['赣E12345', '赣E1****'],
    ['浙HD12345', '浙HD*****'],
    ['not a plate', '***********'],
  ])('masks the plate %j as %j', (value, masked) => expect(maskPlate(value)).toBe(masked));

  it.each([
    ['王小明', '王**'],
    ['李四', '李*'],
    ['王', '*'],
    ['', ''],
  ])('masks the name %j as %j', (value, masked) => expect(maskName(value)).toBe(masked));
});
