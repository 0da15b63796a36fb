// The request form: the public one (sent electronically, received today) and the officials' one
// for a request received on paper, by post or fax or at the office, with the day it arrived.
import type { FieldErrors } from '../../../../platform/errors.js';
import { ErrorSummary, PostForm, SelectField, TextArea, TextField } from '../../../../platform/ui/form.js';
import { Layout } from '../../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../../platform/ui/view.js';
import type { RequestInput } from '../input.js';
import { CHANNEL_VI } from '../model.js';

export type RequestFormModel = {
  mode: 'public' | 'record';
  unit: { id: number; name: string };
  values: RequestInput;
  errors?: FieldErrors;
};

export function RequestFormPage({ view, m }: { view: ViewCtx; m: RequestFormModel }) {
  const v = m.values;
  const e = m.errors ?? {};
  const record = m.mode === 'record';
  const title = record ? 'Ghi nhận yêu cầu cung cấp thông tin nhận trực tiếp hoặc qua bưu chính' : 'Yêu cầu cung cấp thông tin';
  const crumbs = [{ href: `/units/${m.unit.id}`, label: m.unit.name }];
  if (record) crumbs.push({ href: `/units/${m.unit.id}/info-requests`, label: 'Yêu cầu cung cấp thông tin' });
  return (
    <Layout view={view} title={title} crumbs={crumbs}>
      <h1>{title}</h1>
      <ErrorSummary view={view} errors={e} />
      {record ? (
        <p class="lead">Nhập yêu cầu người dân gửi bằng văn bản đến UBND {m.unit.name}. Thời hạn trả lời tính từ ngày nhận.</p>
      ) : (
        <div class="prose">
          <p class="lead">Gửi yêu cầu đến Ủy ban nhân dân {m.unit.name}.</p>
          <p>
            Bạn có thể yêu cầu cung cấp thông tin phải công khai nhưng chưa được công khai, đã hết thời hạn công khai, hoặc thông tin bạn không tiếp cận được vì
            lý do bất khả kháng (Điều 14 khoản 2 Luật Thực hiện dân chủ ở cơ sở). Yêu cầu gửi qua mạng được trả lời trong 03 ngày làm việc; nếu cần thêm thời
            gian, xã có thể gia hạn không quá 15 ngày và phải báo cho bạn (Điều 30 Luật Tiếp cận thông tin).
          </p>
          <p>Sau khi gửi, bạn nhận được mã tra cứu để theo dõi yêu cầu.</p>
        </div>
      )}
      <PostForm view={view} action={record ? `/units/${m.unit.id}/info-requests/record` : `/units/${m.unit.id}/info-requests/new`}>
        <TextField name="name" label="Họ và tên người yêu cầu" autocomplete={record ? 'off' : 'name'} value={v.name} error={e.name} />
        <TextField
          name="contact"
          label="Số điện thoại hoặc thư điện tử"
          hint="Để nhận mã tra cứu và thông báo về yêu cầu. Không hiển thị công khai."
          autocomplete={record ? 'off' : 'tel'}
          value={v.contact}
          error={e.contact}
        />
        {record && (
          <div class="row">
            <SelectField
              name="channel"
              label="Hình thức nhận"
              value={v.channel}
              error={e.channel}
              options={[
                { value: '', label: '— Chọn —' },
                { value: 'post', label: `${CHANNEL_VI.post} (trả lời trong 05 ngày làm việc)` },
                { value: 'onsite', label: `${CHANNEL_VI.onsite} (trả lời trong 10 ngày làm việc)` },
              ]}
            />
            <TextField name="receivedOn" label="Ngày nhận" hint="dd/mm/yyyy, không sau hôm nay" inputMode="numeric" value={v.receivedOn} error={e.receivedOn} />
          </div>
        )}
        <TextArea
          name="content"
          label="Thông tin cần được cung cấp"
          hint="Nêu rõ thông tin cần, ví dụ tên văn bản, nội dung, thời gian. Tối đa 5.000 ký tự."
          value={v.content}
          error={e.content}
        />
        <button class="btn" type="submit">
          {record ? 'Ghi nhận yêu cầu' : 'Gửi yêu cầu'}
        </button>
      </PostForm>
      {!record && (
        <p>
          Đã có mã tra cứu? <a href="/info-requests">Tra cứu yêu cầu</a>
        </p>
      )}
    </Layout>
  );
}
