/** The words of schema diagnostics: type names, field labels and format texts. */
import { t, type Localized, q } from '../diagnostics.js';
import { type PathSegment } from '../yaml/positions.js';
import { ID_PATTERN } from '../ids.js';
import { type FormatTag } from '../schemas/values.js';

export const TYPE_NAMES: Record<string, Localized> = {
  string: t('chuỗi', 'a string'),
  number: t('số', 'a number'),
  int: t('số nguyên', 'a whole number'),
  boolean: t('true hoặc false', 'true or false'),
  object: t('ánh xạ (khoá: giá trị)', 'a mapping (key: value)'),
  array: t('danh sách', 'a list'),
  null: t('null', 'null'),
};

export function typeName(expected: string): Localized {
  return TYPE_NAMES[expected] ?? t(expected, expected);
}

export function describeInput(input: unknown): Localized {
  if (input === null) return t('null', 'null');
  if (Array.isArray(input)) return t('một danh sách', 'a list');
  switch (typeof input) {
    case 'string':
      return t(`chuỗi ${q(input)}`, `the string ${q(input)}`);
    case 'number':
      return t(`số ${String(input)}`, `the number ${String(input)}`);
    case 'boolean':
      return t(String(input), String(input));
    case 'object':
      return t('một ánh xạ', 'a mapping');
    default:
      return t(typeof input, typeof input);
  }
}

export function fieldName(path: readonly PathSegment[]): string {
  const last = path[path.length - 1];
  return last === undefined ? '' : String(last);
}

export function fieldLabel(path: readonly PathSegment[]): Localized {
  const name = fieldName(path);
  if (name === '') return t('tệp', 'the file');
  if (typeof path[path.length - 1] === 'number') {
    const parent = path[path.length - 2];
    return typeof parent === 'string'
      ? t(`“${parent}” (mục thứ ${Number(name) + 1})`, `“${parent}” (item ${Number(name) + 1})`)
      : t(`mục thứ ${Number(name) + 1}`, `item ${Number(name) + 1}`);
  }
  return t(`“${name}”`, `“${name}”`);
}

export function customText(
  params: Record<string, unknown> | undefined,
  path: readonly PathSegment[],
  input: unknown,
): Localized {
  const f = fieldLabel(path);
  switch (params?.['thidua']) {
    case 'date':
      return t(
        `${f.vi} phải là một ngày có thật dạng YYYY-MM-DD, không phải ${describeInput(input).vi}`,
        `${f.en} must be a real date written YYYY-MM-DD, not ${describeInput(input).en}`,
      );
    case 'before':
      return t(
        `${f.vi} phải là ngày-tháng MM-DD (hằng năm) hoặc ngày đầy đủ YYYY-MM-DD kèm “year”`,
        `${f.en} must be a month-day MM-DD (every year) or a full date YYYY-MM-DD with “year”`,
      );
    case 'full-date-needs-year':
      return t(
        `hạn có ngày đầy đủ phải ghi “year” (năm của đợt xét mà nó áp dụng)`,
        `a deadline with a full date needs “year” (the round it applies to)`,
      );
    case 'fraction':
      return t('tử số không được lớn hơn mẫu số', 'the numerator may not exceed the denominator');
    case 'fraction-or-percent':
      return t(
        'ngưỡng ghi bằng phân số (numerator và denominator) hoặc bằng phần trăm (percent), một trong hai',
        'a threshold is a fraction (numerator and denominator) or a percent, one of the two',
      );
    case 'person-or-department':
      return t(
        'mỗi mục ghi “person” (cá nhân) hoặc “department” (tập thể), một trong hai',
        'each entry names a “person” (individual) or a “department” (collective), one of the two',
      );
    case 'reason-on-valid':
      return t(
        '“reason” chỉ ghi cho phiếu không hợp lệ (valid: false)',
        '“reason” belongs only on an invalid ballot (valid: false)',
      );
    case 'until-before-date':
      return t('“until” không được trước “date”', '“until” may not be before “date”');
    default:
      return t(`${f.vi} không hợp lệ`, `${f.en} is not valid`);
  }
}

/** The wording of a tagged format check (see `tagged` in schemas/values.ts). */
export function formatText(tag: FormatTag, f: Localized, input: unknown): Localized {
  const got = describeInput(input);
  switch (tag) {
    case 'id':
      return t(
        `${f.vi}: ${got.vi} không phải mã hợp lệ (chữ thường không dấu, số, gạch nối; tối đa 64 ký tự)`,
        `${f.en}: ${got.en} is not a valid id (lower-case letters, digits, hyphens; at most 64 characters)`,
      );
    case 'model-ref':
      if (typeof input === 'string' && ID_PATTERN.test(input)) {
        return t(
          `${f.vi}: “${input}” thiếu đợt của mô hình; viết “NĂM/${input}”, ví dụ “2016/${input}”`,
          `${f.en}: “${input}” lacks the model's round; write “YEAR/${input}”, e.g. “2016/${input}”`,
        );
      }
      return t(
        `${f.vi}: ${got.vi} phải có dạng NĂM/mã, ví dụ “2016/nv1-mo-hinh”`,
        `${f.en}: ${got.en} must be YEAR/id, e.g. “2016/nv1-mo-hinh”`,
      );
    case 'symbol':
      return t(
        `${f.vi}: ${got.vi} chỉ gồm chữ, số, “.” và “-” (ví dụ “TTr”, “HĐTĐKT”)`,
        `${f.en}: ${got.en} may hold letters, digits, “.” and “-” only (e.g. “TTr”)`,
      );
    case 'time':
      return t(
        `${f.vi}: ${got.vi} phải là giờ dạng HH:MM, ví dụ “08:00”`,
        `${f.en}: ${got.en} must be a time HH:MM, e.g. “08:00”`,
      );
    case 'sha256':
      return t(
        `${f.vi}: ${got.vi} không phải mã băm SHA-256 (64 chữ số hex thường)`,
        `${f.en}: ${got.en} is not a SHA-256 hash (64 lower-case hex digits)`,
      );
  }
}
