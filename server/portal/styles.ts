/**
 * The portal's one stylesheet (screen and print), served under a name carrying its hash
 * so that browsers may keep it for a year. Colours meet WCAG 2.1 AA contrast: body text
 * #1b1b1b, secondary #4a5459 and links #1a5fa8 on white; white on the #0b3a6e header; the
 * focus indicator is the GOV.UK one (black on yellow).
 */
import { createHash } from 'node:crypto'

export const PORTAL_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{font-size:100%;-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans","DejaVu Sans","Segoe UI",Arial,sans-serif;color:#1b1b1b;background:#fff;line-height:1.55}
a{color:#1a5fa8;text-decoration:underline;text-underline-offset:.15em}
a:visited{color:#5b3a99}
a:hover{color:#0b3a6e;text-decoration-thickness:2px}
a:focus,button:focus,input:focus,summary:focus{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
input:focus{background:#fff;box-shadow:inset 0 0 0 2px #0b0c0c;outline:3px solid #ffdd00;outline-offset:0}
.skip{position:absolute;left:-9999px;top:0;padding:.5rem 1rem;background:#ffdd00;color:#0b0c0c;z-index:10}
.skip:focus{left:0}
.wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
header.site{background:#0b3a6e;color:#fff}
header.site a,header.site a:visited{color:#fff}
header.site a:focus{color:#0b0c0c}
.masthead{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem;padding:.9rem 0}
.brand{font-size:1.35rem;font-weight:700;text-decoration:none}
.brand small{display:block;font-size:.9rem;font-weight:400}
.langs{display:flex;gap:.25rem;list-style:none;margin:0;padding:0}
.langs a,.langs span{display:inline-block;padding:.2rem .55rem;border:1px solid #fff;border-radius:3px;text-decoration:none}
.langs [aria-current]{background:#fff;color:#0b3a6e;font-weight:700}
nav.sections{background:#e8eef5;border-bottom:1px solid #c5d1de}
nav.sections ul{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0;padding:.6rem 0}
nav.sections a{color:#0b2d55;font-weight:600}
nav.sections a[aria-current]{text-decoration-thickness:3px}
.search-form{display:flex;flex-wrap:wrap;gap:.5rem;margin:1rem 0;align-items:flex-end}
.search-form label{display:block;font-weight:600;width:100%}
.search-form input[type=search]{flex:1 1 16rem;font:inherit;padding:.45rem .6rem;border:2px solid #0b0c0c;border-radius:0}
button,.button{font:inherit;font-weight:600;padding:.45rem 1rem;background:#00703c;color:#fff;border:0;border-bottom:2px solid #002d18;cursor:pointer}
main{display:block;padding:1.25rem 0 2.5rem}
main:focus{outline:none}
h1{font-size:2rem;line-height:1.2;margin:.5rem 0 1rem;overflow-wrap:break-word;hyphens:auto}
h2{font-size:1.4rem;line-height:1.25;margin:2rem 0 .75rem;hyphens:auto}
h3{font-size:1.15rem;line-height:1.3;margin:0 0 .35rem;hyphens:auto}
p,li{overflow-wrap:break-word;hyphens:auto}
.muted,.meta{color:#4a5459}
.meta{font-size:.95rem;margin:0 0 .75rem}
.dateline{font-weight:700;letter-spacing:.02em}
.lead{font-size:1.2rem;font-weight:600;margin:0 0 1.25rem}
.source{border-left:4px solid #1a5fa8;padding:.25rem .75rem;margin:0 0 1rem;background:#f3f6f9}
figure{margin:0 0 1.25rem}
figure img{display:block;max-width:100%;height:auto;background:#e8eef5}
figcaption{font-size:.95rem;color:#4a5459;padding-top:.35rem}
.credit{display:block;font-size:.85rem;letter-spacing:.02em}
.body{font-size:1.08rem;max-width:44rem}
.body blockquote{margin:1rem 0;padding-left:1rem;border-left:4px solid #c5d1de}
.body table{border-collapse:collapse}
.body th,.body td{border:1px solid #c5d1de;padding:.3rem .5rem}
.items{list-style:none;margin:0;padding:0}
.items li{padding:.9rem 0;border-bottom:1px solid #dde3e8}
.items .item-title{font-size:1.15rem;font-weight:700}
.items p{margin:.25rem 0 0}
.lead-story{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem;padding-bottom:1rem;border-bottom:1px solid #dde3e8}
@media (min-width:48rem){.lead-story.has-photo{grid-template-columns:minmax(0,3fr) minmax(0,2fr)}}
.lead-story h2{font-size:1.6rem;margin-top:0}
.rubric-sections{display:grid;grid-template-columns:minmax(0,1fr);gap:0 2rem}
@media (min-width:48rem){.rubric-sections{grid-template-columns:repeat(2,minmax(0,1fr))}}
.tags{list-style:none;display:flex;flex-wrap:wrap;gap:.4rem;padding:0;margin:.5rem 0 1rem}
.tags a{display:inline-block;background:#eef2f6;color:#1b1b1b;padding:.1rem .55rem;border-radius:3px;text-decoration:none;border:1px solid #c5d1de}
.tags a:hover{text-decoration:underline}
.inline-list{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem;padding:0;margin:.25rem 0}
.crumbs{list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .5rem;padding:0;margin:.75rem 0 0;font-size:.95rem}
.crumbs li+li::before{content:"›";margin-right:.5rem;color:#4a5459}
aside.related,section.translations{margin-top:2rem;padding-top:.5rem;border-top:2px solid #0b3a6e}
.pagination{display:flex;flex-wrap:wrap;justify-content:space-between;gap:1rem;margin-top:1.5rem}
.hash{font-family:"DejaVu Sans Mono",Consolas,monospace;font-size:.95rem;word-break:break-all;background:#f3f6f9;padding:.35rem .5rem;border:1px solid #c5d1de;display:inline-block}
.notice{padding:.75rem 1rem;margin:1rem 0;border-left:6px solid #4a5459;background:#f3f6f9}
.notice h2{margin-top:0}
.notice.ok{border-color:#00703c}
.notice.ok strong::before{content:"✓ "}
.notice.bad{border-color:#b3261e}
.notice.bad strong::before{content:"✗ "}
fieldset{border:1px solid #c5d1de;padding:.75rem 1rem 1rem;margin:0 0 1.25rem}
legend{font-weight:700;padding:0 .25rem}
label{display:block;font-weight:600;margin-bottom:.35rem}
input[type=text],input[type=file]{font:inherit;display:block;width:100%;max-width:42rem;margin-bottom:.75rem;padding:.4rem .5rem;border:2px solid #0b0c0c}
.doc-text .provision{margin:0 0 .75rem}
.doc-text .num{font-weight:700;margin-right:.35rem}
.doc-text .depth-1{margin-left:1.5rem}
.doc-text .depth-2{margin-left:3rem}
.doc-text .depth-3{margin-left:4.5rem}
.doc-text h3{margin-top:1rem}
footer.site{border-top:4px solid #0b3a6e;background:#f3f6f9;padding:1.25rem 0 2rem;font-size:.95rem}
footer.site h2{font-size:1.05rem;margin:0 0 .35rem}
.visually-hidden{position:absolute!important;width:1px;height:1px;margin:0;padding:0;overflow:hidden;clip:rect(0 0 0 0);border:0;white-space:nowrap}
@media print{
  header.site,nav.sections,.skip,.search-form,footer.site,.langs,aside.related,section.translations,.pagination,.no-print{display:none!important}
  body{font-family:"DejaVu Serif",Georgia,serif;font-size:11pt;color:#000}
  a,a:visited{color:#000;text-decoration:none}
  .body a[href^="http"]::after,.source a[href^="http"]::after{content:" (" attr(href) ")";font-size:9pt;word-break:break-all}
  .lead-story,.rubric-sections{display:block}
  figure img{max-height:9cm;width:auto}
  .hash,.source,.notice{background:none;border-color:#000}
  h1,h2,h3{page-break-after:avoid;break-after:avoid}
  figure,.provision{break-inside:avoid}
  .print-url{display:block!important}
}
.print-url{display:none;font-size:9pt}
`
  .replace(/\n\s*/g, '\n')
  .trim()

export const PORTAL_CSS_BYTES = Buffer.from(PORTAL_CSS, 'utf8')
export const PORTAL_CSS_HASH = createHash('sha256').update(PORTAL_CSS_BYTES).digest('hex').slice(0, 12)
export const PORTAL_CSS_PATH = `/portal/assets/portal.${PORTAL_CSS_HASH}.css`
