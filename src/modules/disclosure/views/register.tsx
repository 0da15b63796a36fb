// The quarterly register (R-C3, Law 10/2022 Art 13(2)) as a public, printable A4 page; the same list
// is offered as a Word file in the Decree 30 layout for signing.
import { placeDate, placeOf } from '../../../platform/docs/decree30.js';
import { Layout } from '../../../platform/ui/layout.js';
import type { ViewCtx } from '../../../platform/ui/view.js';
import { decisionLine, formLine, postingLine, type RegisterModel, registerSummary } from '../register-docx.js';

export function RegisterPage({ view, m, years }: { view: ViewCtx; m: RegisterModel; years: number[] }) {
  const base = `/units/${m.unit.id}/disclosures`;
  const summary = registerSummary(m);
  return (
    <Layout view={view} title={`Danh sách công khai quý ${m.quarter}/${m.year}: ${m.unit.name}`} crumbs={[{ href: base, label: `Công khai: ${m.unit.name}` }]}>
      <form method="get" action={`${base}/register`} class="search noprint" aria-label="Chọn quý">
        <div class="fg tight">
          <label for="f-quarter">Quý</label>
          <select id="f-quarter" name="quarter">
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={String(q)} selected={q === m.quarter}>
                Quý {q}
              </option>
            ))}
          </select>
        </div>
        <div class="fg tight">
          <label for="f-year">Năm</label>
          <select id="f-year" name="year">
            {years.map((y) => (
              <option key={y} value={String(y)} selected={y === m.year}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <button class="btn sec" type="submit">
          Xem
        </button>
      </form>
      <p class="noprint">
        <a href={`${base}/register.docx?year=${m.year}&quarter=${m.quarter}`}>Tải bản Word (mẫu Nghị định 30/2020/NĐ-CP) để trình ký</a> · Dùng lệnh In của
        trình duyệt để in khổ A4.
      </p>
      <div class="row">
        <p>
          <strong>ỦY BAN NHÂN DÂN</strong>
          <br />
          <strong>{m.unit.name.toUpperCase()}</strong>
          <br />
          Số: .../DS-UBND
        </p>
        <p>
          <strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</strong>
          <br />
          <strong>Độc lập - Tự do - Hạnh phúc</strong>
          <br />
          <em>{placeDate(placeOf(m.unit.name), m.today)}</em>
        </p>
      </div>
      <h1>
        DANH SÁCH
        <br />
        {summary}
      </h1>
      {m.entries.length === 0 ? (
        <p>Trong quý không có nội dung nào được công khai.</p>
      ) : (
        <table>
          <caption class="muted">
            Theo Điều 13 khoản 2 Luật Thực hiện dân chủ ở cơ sở: danh mục thông tin đã công khai, hình thức và thời điểm công khai. Nhóm: số thứ tự nhóm thông
            tin tại Điều 11.
          </caption>
          <thead>
            <tr>
              <th scope="col">STT</th>
              <th scope="col">Nội dung</th>
              <th scope="col">Nhóm</th>
              <th scope="col">Văn bản</th>
              <th scope="col">Hình thức và thời gian công khai</th>
              <th scope="col">Thời hạn niêm yết</th>
            </tr>
          </thead>
          <tbody>
            {m.entries.map((e, i) => (
              <tr key={e.id}>
                <td>{i + 1}</td>
                <td>
                  <a href={`/disclosures/${e.id}`}>{e.title}</a>
                </td>
                <td>{e.category}</td>
                <td>{decisionLine(e)}</td>
                <td>
                  <ul>
                    {e.forms.map((f, j) => (
                      <li key={j}>{formLine(f)}</li>
                    ))}
                  </ul>
                </td>
                <td>{postingLine(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}
