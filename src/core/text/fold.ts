/** Lower case without Vietnamese diacritics, so “tuan” finds “Tuấn” and “nghiep vu” finds “Nghiệp vụ”. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}
