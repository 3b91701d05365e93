/**
 * Made-up but well-formed identities for simulated watchlist hits: names, 18-digit resident ID
 * numbers with a valid GB 11643 check digit, mobile numbers and plates of the two border cities
 * (浙H Quzhou, 赣E Shangrao). Well-formed so masking is tested against realistic shapes; made up
 * so nothing real is ever shown.
 */
import type { SeededRandom } from './seededRandom';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗', '汪', '余', '祝', '毛', '叶', '程', '邵', '江', '姜', '郑'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超', '秀英', '建华', '志强', '丽娟', '海燕', '国平', '晓东', '春生', '福根', '桂花', '文斌', '建国', '小龙', '雪梅', '永红'];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
const PLATE_LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export function randomName(random: SeededRandom): string {
  return random.pick(SURNAMES) + random.pick(GIVEN);
}

/** An ID number registered in `countyAdcode` (330822 常山, 361123 玉山). */
export function randomIdNumber(random: SeededRandom, countyAdcode: string): string {
  const year = random.int(1960, 2004);
  const month = String(random.int(1, 12)).padStart(2, '0');
  const day = String(random.int(1, 28)).padStart(2, '0');
  const sequence = String(random.int(1, 999)).padStart(3, '0');
  const first17 = `${countyAdcode}${year}${month}${day}${sequence}`;
  return first17 + idCheckDigit(first17);
}

export function randomMobile(random: SeededRandom): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

export function randomPlate(random: SeededRandom, province: 'zj' | 'jx' | string): string {
  const prefix = province === 'jx' ? '赣E' : '浙H';
  let tail = random.pick([...PLATE_LETTERS]);
  for (let i = 0; i < 4; i++) tail += random.chance(0.2) ? random.pick([...PLATE_LETTERS]) : String(random.int(0, 9));
  return `${prefix}·${tail}`;
}
