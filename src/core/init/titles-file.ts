/**
 * records/titles.yaml as `thidua init --titles` writes it: the titles an agency runs every
 * year-end under the Law on Emulation and Commendation (2022), its criteria taken from the
 * criteria.yaml init copies. The clerk adapts the thresholds and the body above to the province's rules.
 */
export const STATUTORY_TITLES_YAML = `# yaml-language-server: $schema=../schemas/titles.schema.json
# Danh hiệu thi đua xét hằng năm (Luật Thi đua, khen thưởng năm 2022 và văn bản quy định chi tiết).
# Sửa ngưỡng, tiêu chí và cơ quan quyết định theo quy chế của cơ quan và quy định của tỉnh.
# Đề nghị không ghi “award” là mô hình tiêu biểu, gương điển hình tiên tiến (bộ tiêu chí criteria.yaml).
- id: lao-dong-tien-tien
  name: Lao động tiên tiến
  kind: individual
  criteria: [ chap-hanh-noi-quy, doan-ket-tap-the, huong-ung-thi-dua ]
  threshold: { percent: 50, of: members }
- id: chien-si-thi-dua-co-so
  name: Chiến sĩ thi đua cơ sở
  kind: individual
  criteria: [ trach-nhiem, chap-hanh-noi-quy ]
  # Ít nhất 80 % tổng số thành viên Hội đồng đồng ý (vắng mặt thì cho ý kiến bằng văn bản).
  threshold: { percent: 80, of: members }
  requires: [ { title: lao-dong-tien-tien, same_round: true } ]
  # Có sáng kiến, hoặc hoàn thành xuất sắc nhiệm vụ (tiêu chí “guong-mau”).
  initiative: { unless: guong-mau }
- id: tap-the-lao-dong-tien-tien
  name: Tập thể lao động tiên tiến
  kind: collective
  criteria: [ chap-hanh-chu-truong, phong-trao-thi-dua, doan-ket-trong-sach ]
  threshold: { percent: 50, of: members }
  per_department: 1
- id: tap-the-lao-dong-xuat-sac
  name: Tập thể lao động xuất sắc
  kind: collective
  criteria: [ xuat-sac-lien-tuc, sang-kien, doan-ket-trong-sach ]
  threshold: { numerator: 2, denominator: 3, of: members }
  per_department: 1
  initiative: true
  requires:
    - { title: lao-dong-tien-tien, members_percent: 70 }
    - { title: chien-si-thi-dua-co-so, members_at_least: 1 }
- id: chien-si-thi-dua-tinh
  name: Chiến sĩ thi đua cấp tỉnh
  kind: individual
  criteria: [ trach-nhiem, guong-mau ]
  # Ít nhất 90 % tổng số thành viên Hội đồng; Chủ tịch UBND tỉnh quyết định theo Tờ trình của cơ quan.
  threshold: { percent: 90, of: members }
  initiative: true
  requires: [ { title: chien-si-thi-dua-co-so, years: 3 } ]
  decided_by: { body: Chủ tịch UBND tỉnh }
`;
