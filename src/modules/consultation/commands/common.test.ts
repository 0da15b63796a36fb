import { describe, expect, it } from 'vitest';
import { looksPersonal } from './common.js';

describe('a public comment carries no phone or ID number (Law 10/2022 Art 9(2))', () => {
  it.each([
    ['Gọi tôi số 0912 345 678', true],
    ['liên hệ 0912.345.678', true],
    ['+84 912 345 678', true],
    ['CCCD 001099012345', true],
    ['Kinh phí 100.000.000.000 đồng là quá lớn', false],
    ['Đề nghị rút thời hạn xuống 10 ngày', false],
    ['Điều 3 khoản 2', false],
  ])('%s -> %s', (text, personal) => {
    expect(looksPersonal(text)).toBe(personal);
  });
});
