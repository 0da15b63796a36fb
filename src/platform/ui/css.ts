// The platform's one stylesheet, after the GOV.UK Design System's patterns: plain, high contrast,
// large touch targets (≥ 44 px), system fonts that carry Vietnamese diacritics. Kept small (< 15 KB).
import { createHash } from 'node:crypto';

export const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.5 system-ui,"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;color:#0b0c0c;background:#fff}
a{color:#1d4f91;text-underline-offset:.15em}
a:visited{color:#4c2c92}
a:hover{color:#003078}
a:focus,button:focus,input:focus,select:focus,textarea:focus,summary:focus{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 1px #0b0c0c}
.skip{position:absolute;left:-9999px}
.skip:focus{left:.5rem;top:.5rem;background:#ffbf47;color:#0b0c0c;padding:.5rem;z-index:9}
.hdr{background:#a50e0e;color:#fff}
.hdr a,.hdr a:visited{color:#fff}
.hdr .w{display:flex;flex-wrap:wrap;align-items:center;gap:.25rem 1rem;padding:.5rem 1rem}
.brand{font-weight:700;font-size:1.25rem;text-decoration:none;margin-right:auto;padding:.5rem 0}
.hdr nav{display:flex;flex-wrap:wrap;gap:.25rem .75rem;align-items:center}
.hdr nav a,.hdr nav button{min-height:44px;display:inline-flex;align-items:center}
.linkbtn{background:none;border:0;color:inherit;font:inherit;text-decoration:underline;cursor:pointer;padding:0}
.demo{background:#fff7bf;border-bottom:1px solid #d4c200;padding:.4rem 1rem;font-size:.95rem;color:#1a1a1a}
.hdr .demo .w{display:block;padding:0}
.w{max-width:60rem;margin:0 auto}
main{padding:1rem}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0 1rem}
h2{font-size:1.35rem;margin:1.5rem 0 .5rem}
h3{font-size:1.15rem;margin:1rem 0 .5rem}
.lead{font-size:1.15rem}
.muted{color:#505a5f}
.crumbs{font-size:.95rem;margin:.5rem 0}
.crumbs a{padding:.5rem 0}
.list{list-style:none;padding:0;margin:0}
.list li{border-bottom:1px solid #b1b4b6}
.list a{display:block;padding:.7rem .25rem;min-height:44px}
.cols{columns:2 16rem;column-gap:2rem}
.tag{display:inline-block;padding:0 .4rem;font-size:.85rem;font-weight:700;background:#e8eaf0;color:#0b0c0c;border-radius:2px;vertical-align:middle}
.tag.demo-t{background:#fff7bf}
.tag.ended{background:#f3d6d6}
.tag.ok{background:#cce2d8;color:#005a30}
dl.kv{display:grid;grid-template-columns:minmax(8rem,max-content) 1fr;gap:.25rem 1rem;margin:0 0 1rem}
dl.kv dt{font-weight:700}
dl.kv dd{margin:0}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
th,td{text-align:left;padding:.5rem .5rem .5rem 0;border-bottom:1px solid #b1b4b6;vertical-align:top}
tr.group>*{border-top:2px solid #0b0c0c}th.sub{font-weight:400;padding-left:1rem}
.fg{margin:0 0 1.25rem}
.fg.err{border-left:5px solid #d4351c;padding-left:.75rem}
label,.lbl{display:block;font-weight:700;margin-bottom:.25rem}
.hint{display:block;color:#505a5f;margin-bottom:.25rem}
.emsg{display:block;color:#d4351c;font-weight:700;margin-bottom:.25rem}
input[type=text],input[type=password],input[type=tel],input[type=search],input[type=date],select,textarea{font:inherit;width:100%;max-width:28rem;min-height:44px;padding:.35rem .5rem;border:2px solid #0b0c0c;border-radius:0;background:#fff}
.fg.err input,.fg.err select,.fg.err textarea{border-color:#d4351c}
input.code{max-width:10rem;letter-spacing:.2em}
.btn{font:inherit;font-weight:600;display:inline-block;min-height:44px;padding:.5rem 1rem;border:0;border-radius:0;background:#00703c;color:#fff;box-shadow:0 2px 0 #002d18;cursor:pointer;text-decoration:none}
.btn:hover{background:#005a30}
.btn.sec{background:#f3f2f1;color:#0b0c0c;box-shadow:0 2px 0 #929191}
.btn.warn{background:#d4351c;box-shadow:0 2px 0 #55150b}
.esum{border:5px solid #d4351c;padding:1rem;margin:0 0 1.5rem}
.esum h2{margin-top:0}
.esum a{color:#d4351c;font-weight:700}
.flash{border:5px solid #00703c;padding:.75rem 1rem;margin:0 0 1.5rem}
.search{display:flex;gap:.5rem;flex-wrap:wrap;align-items:flex-end}
.search input{flex:1 1 14rem}
.fg.tight{margin:0}
.fg.grow{margin:0;flex:1 1 14rem}
.qr{max-width:14rem}
textarea{font:inherit;width:100%;padding:.35rem .5rem;border:2px solid #0b0c0c;border-radius:0}
fieldset{border:0;padding:0;margin:0 0 1.25rem}
legend{font-weight:700;margin-bottom:.25rem}
.check{display:flex;gap:.5rem;align-items:flex-start;margin:.25rem 0;min-height:44px}
.check input{width:1.5rem;height:1.5rem;margin-top:.2rem;flex:none}
.row{display:flex;flex-wrap:wrap;gap:0 1rem}
.row .fg{flex:1 1 10rem}
.prose{max-width:42rem}
.pre-line{white-space:pre-line}
.poster{text-align:center;max-width:40rem;margin:0 auto}
.poster h1{font-size:2rem}
.poster-qr{width:60%;max-width:18rem;margin:1rem auto}
.card{border:1px solid #b1b4b6;padding:1rem;margin:0 0 1rem}
.inline{display:inline}
footer{border-top:1px solid #b1b4b6;margin-top:2rem;padding:1rem;font-size:.95rem;color:#505a5f}
pre,code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.9rem}
ul.audit-data{margin:0;padding-left:1rem}
ul.audit-data+details code{word-break:break-all}
pre{white-space:pre-wrap;background:#f3f2f1;padding:.75rem;overflow-x:auto}
@media (max-width:40rem){h1{font-size:1.5rem}dl.kv{grid-template-columns:1fr}dl.kv dd{margin-bottom:.5rem}}
@page{size:A4;margin:20mm 15mm 20mm 30mm}
@media print{.hdr nav,.skip,footer,.demo,.noprint,.crumbs{display:none}.hdr{background:none;color:#000}}
.ballot{max-width:44rem;margin:0 auto;font-family:"Times New Roman",Times,serif}
.ballot h1{text-align:center;font-size:1.4rem;margin:1.5rem 0 0}
.bhd{display:grid;grid-template-columns:2fr 3fr;gap:1rem;text-align:center}
.bhd p,.sig p{margin:0}
.stamp{border:1px dashed #505a5f;width:11rem;height:6rem;margin:.5rem auto 0;padding:.5rem;display:flex;align-items:center;justify-content:center;font-style:italic;color:#505a5f}
.bsum{text-align:center}
.opts{list-style:none;padding:0}
.opts li{display:flex;gap:.75rem;align-items:center;margin:.6rem 0;font-size:1.1rem}
.box{width:1.3rem;height:1.3rem;border:2px solid #0b0c0c;flex:none}
.blank{border-bottom:1px dotted #0b0c0c;height:1.8rem}
.sig{width:16rem;margin:1.5rem 0 0 auto;text-align:center;min-height:9rem}
@media print{body:has(.ballot) .hdr{display:none}body:has(.ballot) main{padding:0}.ballot{max-width:none;font-size:13pt}.sig{break-inside:avoid}}
`.replace(/\n/g, '');

export const CSS_HASH = createHash('sha256').update(CSS).digest('hex').slice(0, 10);
export const CSS_PATH = `/assets/app.${CSS_HASH}.css`;
