import type { FieldErrors } from '../../../platform/errors.js';
import { ErrorSummary, SelectField, TextArea, TextField } from '../../../platform/ui/form.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import type { DraftInput } from '../commands/validate.js';
import { FORM_LABELS, type FormKind } from '../forms.js';
import type { Category } from '../rules/categories.js';

export type FormModel = {
  mode: 'new' | 'edit' | 'correct';
  action: string;
  unit: { id: number; name: string };
  heading: string;
  categories: readonly Category[];
  villages: { id: number; name: string }[];
  formKinds: readonly FormKind[];
  values: DraftInput & { changeNote?: string };
  errors?: FieldErrors;
  scope: 'commune' | 'agency';
};

export const emptyDraft = (): DraftInput => ({
  category: '',
  title: '',
  body: '',
  decisionNumber: '',
  decisionDate: '',
  decisionSigner: '',
  audience: 'all',
  villageIds: [],
  postingStart: '',
  postingEnd: '',
  lateReason: '',
  forms: [],
});

export function DisclosureFormPage({ view, m }: { view: ViewCtx; m: FormModel }) {
  const v = m.values;
  const e = m.errors ?? {};
  const formOf = (k: string) => v.forms.find((f) => f.form === k);
  const durationHint =
    m.scope === 'commune'
      ? 'Để trống để dùng thời hạn tối thiểu theo luật: nhóm 1–3, 5–12 niêm yết ít nhất 30 ngày liên tục; nhóm 4 và 13 niêm yết thường xuyên (Điều 13). Có thể kéo dài, không được rút ngắn.'
      : 'Để trống để dùng thời hạn tối thiểu: ít nhất 20 ngày liên tục (Điều 48). Có thể kéo dài, không được rút ngắn.';
  return (
    <Layout view={view} title={m.heading} crumbs={[{ href: `/units/${m.unit.id}`, label: m.unit.name }]}>
      <h1>{m.heading}</h1>
      <ErrorSummary view={view} errors={e} />
      <form method="post" action={m.action} enctype="multipart/form-data" noValidate>
        <input type="hidden" name="_csrf" value={view.csrf()} />
        {m.mode === 'correct' && (
          <TextField
            name="changeNote"
            label="Nội dung đính chính"
            hint="Nói rõ điều gì thay đổi; người dân sẽ đọc được ghi chú này."
            value={v.changeNote}
            error={e.changeNote}
          />
        )}
        <SelectField
          name="category"
          label={m.scope === 'commune' ? 'Nhóm thông tin (Điều 11)' : 'Nhóm thông tin (Điều 46)'}
          value={v.category}
          error={e.category}
          options={[{ value: '', label: '— Chọn nhóm —' }, ...m.categories.map((c) => ({ value: String(c.id), label: `${c.id}. ${c.vi}` }))]}
        />
        <TextField name="title" label="Tiêu đề" value={v.title} error={e.title} />
        <TextArea name="body" label="Nội dung" hint="Viết thường; dùng ## cho tiêu đề mục, - cho danh sách, **đậm**." value={v.body} error={e.body} />
        <fieldset>
          <legend>Văn bản được công khai</legend>
          <div class="row">
            <TextField name="decisionNumber" label="Số, ký hiệu" hint="Ví dụ: 12/QĐ-UBND" value={v.decisionNumber} error={e.decisionNumber} />
            <TextField name="decisionDate" label="Ngày ban hành" hint="dd/mm/yyyy" value={v.decisionDate} error={e.decisionDate} />
            <TextField name="decisionSigner" label="Người ký" value={v.decisionSigner} error={e.decisionSigner} />
          </div>
        </fieldset>
        {m.villages.length > 0 && (
          <fieldset class={e.villageIds ? 'fg err' : 'fg'} id="f-villageIds">
            <legend>Phạm vi</legend>
            {e.villageIds && <span class="emsg">{e.villageIds}</span>}
            <label class="check">
              <input type="radio" name="audience" value="all" checked={v.audience !== 'villages'} /> Toàn xã
            </label>
            <label class="check">
              <input type="radio" name="audience" value="villages" checked={v.audience === 'villages'} /> Một số thôn:
            </label>
            <div class="cols">
              {m.villages.map((vl) => (
                <label class="check" key={vl.id}>
                  <input type="checkbox" name="villageIds" value={String(vl.id)} checked={v.villageIds.includes(String(vl.id))} /> {vl.name}
                </label>
              ))}
            </div>
          </fieldset>
        )}
        <div class="row">
          <TextField
            name="postingStart"
            label="Ngày bắt đầu công khai"
            hint="dd/mm/yyyy; để trống là ngày bấm Công khai"
            value={v.postingStart}
            error={e.postingStart}
          />
          <TextField name="postingEnd" label="Ngày kết thúc niêm yết" hint={durationHint} value={v.postingEnd} error={e.postingEnd} />
        </div>
        <fieldset>
          <legend>Hình thức công khai</legend>
          {e.forms && <span class="emsg">{e.forms}</span>}
          {m.formKinds.map((k) => {
            const f = formOf(k);
            const err = e[`form_${k}`];
            return (
              <div key={k} class={err ? 'fg err' : 'fg'} id={`f-form_${k}`}>
                <label class="check">
                  <input type="checkbox" name="forms" value={k} checked={!!f} /> {FORM_LABELS[k].vi}
                </label>
                {err && <span class="emsg">{err}</span>}
                <div class="row">
                  <TextField name={`${k}_start`} label="Từ ngày" value={f?.start} />
                  <TextField name={`${k}_end`} label={k === 'loudspeaker' ? 'Đến ngày (ít nhất 3 ngày liên tục với nhóm 7–12)' : 'Đến ngày'} value={f?.end} />
                  <TextField name={`${k}_detail`} label="Ghi chú" value={f?.detail} />
                </div>
              </div>
            );
          })}
        </fieldset>
        <TextField name="lateReason" label="Lý do công khai chậm (nếu quá 05 ngày làm việc kể từ ngày ban hành)" value={v.lateReason} error={e.lateReason} />
        <div class={e.files ? 'fg err' : 'fg'}>
          <label for="f-files">Tệp đính kèm</label>
          <span class="hint">PDF, ảnh (PNG, JPEG), Word hoặc Excel; tối đa 10 tệp. Tệp đã đính kèm được giữ nguyên.</span>
          {e.files && <span class="emsg">{e.files}</span>}
          <input id="f-files" name="files" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx" />
        </div>
        <button class="btn" type="submit">
          {m.mode === 'correct' ? 'Lưu phiên bản đính chính' : 'Lưu bản nháp'}
        </button>
      </form>
    </Layout>
  );
}
