/** The minutes' template: its sections and the values they may name. */
import type { TemplateSpec } from './template.js';

export const MINUTES_TEMPLATE_SPEC: TemplateSpec = {
  title: { fields: [], required: true },
  subject: { fields: [], required: true },
  opening: {
    fields: ['session_time', 'session_date_words', 'session_place', 'members', 'chair', 'secretary'],
    required: true,
  },
  counters: { fields: ['counters'], required: true },
  'members-heading': { fields: ['members'], required: true },
  ballots: { fields: ['issued', 'received', 'valid', 'invalid', 'written'], required: true },
  threshold: { fields: ['numerator', 'denominator', 'required', 'base', 'base_label'], required: true },
  'results-heading': { fields: [], required: true },
  'table-columns': { fields: [], required: true },
  passed: { fields: [], required: true },
  failed: { fields: [], required: true },
  'not-recognised': { fields: [], required: true },
  conclusion: { fields: ['recognised_collectives', 'recognised_individuals', 'recognised_count'], required: true },
  attendance: {
    fields: ['present', 'members', 'absent', 'absent_names'],
    required: false,
    fallback: 'Có mặt {present}/{members} thành viên Hội đồng; vắng {absent}: {absent_names}.',
  },
  'attendance-full': {
    fields: ['present', 'members'],
    required: false,
    fallback: 'Có mặt {present}/{members} thành viên Hội đồng.',
  },
  'collective-heading': { fields: [], required: false, fallback: 'I. TẬP THỂ' },
  'individual-heading': { fields: [], required: false, fallback: 'II. CÁ NHÂN' },
  'signature-counter': { fields: [], required: false, fallback: 'THÀNH VIÊN BAN KIỂM PHIẾU' },
  incomplete: {
    fields: ['reason', 'received', 'issued'],
    required: false,
    fallback:
      'Số phiếu thu về ({received}) ít hơn số phiếu phát ra ({issued}); Hội đồng thống nhất kiểm phiếu vì: {reason}.',
  },
  recusal: {
    fields: ['name', 'nomination'],
    required: false,
    fallback:
      'Thành viên Hội đồng được đề nghị: {name} ({nomination}); theo quy chế, thành viên này không tham gia biểu quyết đối với đề nghị của mình.',
  },
  // Read in templates frozen before issue 35 (the example's 2016 and 2025), never printed: an
  // unsealing is the records' history (unseals.yaml, verify), not the council's words.
  reopened: { fields: ['date', 'by', 'reason', 'decision'], required: false },
  'invalid-reason': {
    fields: ['serial', 'reason'],
    required: false,
    fallback: 'Phiếu số {serial} không hợp lệ: {reason}.',
  },
  ended: {
    fields: ['ended_time'],
    required: false,
    fallback: 'Việc kiểm phiếu kết thúc vào lúc {ended_time} cùng ngày.',
  },
  closing: { fields: [], required: false },
  'recipients-heading': { fields: [], required: false, fallback: 'Nơi nhận:' },
  recipients: { fields: [], required: false, fallback: '{head_title} (để báo cáo)\nThành viên Hội đồng' },
  'recipients-last': { fields: [], required: false, fallback: '- Lưu: VT, HĐTĐKT.' },
  'title-threshold': {
    fields: ['title_name', 'share', 'required', 'base', 'base_label'],
    required: false,
    fallback:
      'Danh hiệu “{title_name}”: đạt khi có từ {share} {base_label} trở lên đồng ý, tức là ít nhất {required}/{base} phiếu.',
  },
  'not-eligible': { fields: [], required: false, fallback: 'Đạt số phiếu; chưa đủ điều kiện của danh hiệu' },
  'over-quota': { fields: [], required: false, fallback: 'Đạt số phiếu; ngoài chỉ tiêu' },
  'tie-chair': { fields: [], required: false, fallback: '(bằng phiếu; Chủ tịch Hội đồng quyết định)' },
  'tie-women': { fields: [], required: false, fallback: '(bằng phiếu; ưu tiên nữ)' },
  // A round that counts titles (titles.yaml): its subject, opening and conclusion speak of titles.
  'subject-titles': { fields: [], required: false },
  'opening-titles': {
    fields: ['session_time', 'session_date_words', 'session_place', 'members', 'chair', 'secretary'],
    required: false,
  },
  'conclusion-titles': {
    fields: ['recognised_collectives', 'recognised_individuals', 'recognised_count'],
    required: false,
  },
  'signature-counters': { fields: [], required: true },
  'signature-secretary': { fields: [], required: true },
  'signature-chair': { fields: [], required: true },
};
