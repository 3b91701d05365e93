import { describe, expect, it } from 'vitest';
import { maskOperator } from './maskOperator';

describe('maskOperator', () => {
  it('masks an operator signed in by name alone, surname kept', () => {
    expect(maskOperator('张建国')).toBe('张**');
    expect(maskOperator(' 欧阳明 ')).toBe('欧**');
    expect(maskOperator('李四')).toBe('李*');
  });

  it('masks numbers and the names beside them in any other text, and leaves a console or a role alone', () => {
    expect(maskOperator('二号控制台 张建国 330822199001011234')).not.toMatch(/张建国|330822199001011234/);
    expect(maskOperator('控制台值班员')).toBe('控制台值班员');
    expect(maskOperator('控制台')).toBe('控制台');
    expect(maskOperator('console-2')).toBe('console-2');
  });
});
