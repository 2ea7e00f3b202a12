//! The page layer: A4 portrait pages with a filing margin, a running header
//! and footer, a cursor that starts a new page when the next block does not
//! fit, tables that repeat their header row and never split a row,
//! horizontal bar charts and the 決裁欄 (approval stamp boxes).
//!
//! Coordinates are points with y measured down from the top of the page, as
//! a page is read; they are turned into PDF's bottom-up ones only when an
//! operation is emitted.

use crate::fonts::Fonts;
use crate::kinsoku::break_lines;
use crate::ReportError;
use printpdf::{
    Codepoint, Color, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfParseErrorSeverity, PdfSaveOptions, Point, Pt, Rect, Rgb,
    TextItem, TextMatrix,
};

pub const MM: f32 = 72.0 / 25.4;
pub const PAGE_W: f32 = 210.0 * MM;
pub const PAGE_H: f32 = 297.0 * MM;
/// 綴じしろ: reports are punched and filed on the left, so the left margin is the wide one.
pub const LEFT: f32 = 25.0 * MM;
pub const RIGHT: f32 = 15.0 * MM;
/// The running header sits in the top margin, the footer in the bottom one.
pub const TOP: f32 = 26.0 * MM;
pub const BOTTOM: f32 = 24.0 * MM;
pub const BODY_W: f32 = PAGE_W - LEFT - RIGHT;

/// Where the top of a CJK glyph's em box lies above its baseline, in em.
/// Centring the em box in a line box centres Japanese text optically.
const ASCENT: f32 = 0.88;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tone(pub f32, pub f32, pub f32);

impl Tone {
    fn color(self) -> Color {
        Color::Rgb(Rgb { r: self.0, g: self.1, b: self.2, icc_profile: None })
    }
}

// Tones chosen to stay distinct when the report is printed in black and white.
pub const INK: Tone = Tone(0.0, 0.0, 0.0);
pub const MUTED: Tone = Tone(0.35, 0.35, 0.35);
pub const RULE: Tone = Tone(0.45, 0.45, 0.45);
pub const GRID: Tone = Tone(0.62, 0.62, 0.62);
pub const HEAD_FILL: Tone = Tone(0.88, 0.89, 0.91);
pub const TRACK: Tone = Tone(0.93, 0.93, 0.93);
pub const BAR: Tone = Tone(0.16, 0.33, 0.58);
pub const BAR_PREVIOUS: Tone = Tone(0.66, 0.70, 0.76);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

/// What the running header and footer say. `page_label(n, total)` gives "3 / 12".
pub struct Frame {
    pub title: String,
    pub year: String,
    pub organisation: String,
    pub created: String,
    pub page_label: Box<dyn Fn(usize, usize) -> String>,
}

#[derive(Default)]
struct Page {
    /// Rules, fills and bars: drawn first, under the text.
    gfx: Vec<Op>,
    /// Text, drawn in one text object per page.
    text: Vec<Op>,
    font: Option<(bool, u32)>,
    text_color: Option<Tone>,
    fill: Option<Tone>,
    stroke: Option<(Tone, u32)>,
}

/// A document being laid out.
pub struct Pdf {
    doc: PdfDocument,
    pub fonts: Fonts,
    pages: Vec<Page>,
    /// The cursor: where the next block starts, down from the top of the page.
    pub y: f32,
    frame: Option<Frame>,
    bookmarks: Vec<(String, usize)>,
}

impl Pdf {
    pub fn new(title: &str, frame: Option<Frame>) -> Result<Pdf, ReportError> {
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.creator = "Tebiki".into();
        doc.metadata.info.producer = format!("Tebiki {}", tebiki_core::VERSION);
        if let Some(f) = &frame {
            doc.metadata.info.author = f.organisation.clone();
        }
        let fonts = Fonts::load(&mut doc)?;
        let mut pdf = Pdf { doc, fonts, pages: Vec::new(), y: TOP, frame, bookmarks: Vec::new() };
        pdf.new_page();
        Ok(pdf)
    }

    pub fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn bottom(&self) -> f32 {
        PAGE_H - BOTTOM
    }

    pub fn remaining(&self) -> f32 {
        self.bottom() - self.y
    }

    /// Starts a new page unless `height` fits below the cursor (a block taller
    /// than a page starts at the top of one).
    pub fn ensure(&mut self, height: f32) -> bool {
        if self.y + height > self.bottom() && self.y > TOP + 0.5 {
            self.new_page();
            return true;
        }
        false
    }

    /// An entry in the viewer's outline pointing at the current page.
    pub fn bookmark(&mut self, title: &str) {
        self.bookmarks.push((title.to_owned(), self.pages.len()));
    }

    fn page(&mut self) -> &mut Page {
        self.pages.last_mut().expect("a Pdf always has a page")
    }

    // ---- measuring ----

    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        self.fonts.face(bold).width(text, size)
    }

    /// `text` broken into lines no wider than `width`, with 禁則.
    pub fn wrap<'t>(&self, text: &'t str, width: f32, size: f32, bold: bool) -> Vec<&'t str> {
        let face = self.fonts.face(bold);
        break_lines(text, width.max(size), &|c| face.em(c) * size)
    }

    /// `text` cut to fit `width`, ending with … when cut.
    pub fn truncate(&self, text: &str, width: f32, size: f32, bold: bool) -> String {
        if self.width(text, size, bold) <= width {
            return text.to_owned();
        }
        let face = self.fonts.face(bold);
        let budget = width - face.em('…') * size;
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            used += face.em(c) * size;
            if used > budget {
                break;
            }
            out.push(c);
        }
        out.push('…');
        out
    }

    /// The largest size up to `size` at which `text` fits `width` on one line.
    pub fn fit_size(&self, text: &str, width: f32, size: f32, bold: bool) -> f32 {
        let w = self.width(text, size, bold);
        if w <= width || w <= 0.0 { size } else { (size * width / w).max(4.0) }
    }

    // ---- drawing primitives ----

    /// One line of text with its baseline at `baseline`.
    pub fn text(&mut self, x: f32, baseline: f32, size: f32, bold: bool, tone: Tone, text: &str) {
        self.show(TextMatrix::Translate(Pt(x), Pt(PAGE_H - baseline)), size, bold, tone, text);
    }

    fn show(&mut self, matrix: TextMatrix, size: f32, bold: bool, tone: Tone, text: &str) {
        if text.is_empty() {
            return;
        }
        let face = self.fonts.face(bold);
        let id = face.id.clone();
        // Glyph ids rather than text: printpdf would look every character up in
        // the font's cmap twice more. Each glyph carries its character, which
        // becomes the ToUnicode entry that makes copy, search and pdftotext work.
        let glyphs: Vec<Codepoint> = text.chars().map(|c| Codepoint { gid: face.glyph(c).0, offset: 0.0, cid: Some(c.to_string()) }).collect();
        let page = self.pages.last_mut().expect("a Pdf always has a page");
        let key = (bold, size.to_bits());
        if page.font != Some(key) {
            page.text.push(Op::SetFont { font: PdfFontHandle::External(id), size: Pt(size) });
            page.font = Some(key);
        }
        if page.text_color != Some(tone) {
            page.text.push(Op::SetFillColor { col: tone.color() });
            page.text_color = Some(tone);
        }
        page.text.push(Op::SetTextMatrix { matrix });
        page.text.push(Op::ShowText { items: vec![TextItem::GlyphIds(glyphs)] });
    }

    /// One line of text turned a quarter to the left, reading bottom to top,
    /// starting at (`x`, `y`) (its baseline runs up from there).
    pub fn text_up(&mut self, x: f32, y: f32, size: f32, bold: bool, tone: Tone, text: &str) {
        self.show(TextMatrix::Raw([0.0, 1.0, -1.0, 0.0, x, PAGE_H - y]), size, bold, tone, text);
    }

    /// One line of text in a line box of height `line_h` whose top is `top`,
    /// aligned within `[x, x + width]`.
    #[allow(clippy::too_many_arguments)]
    pub fn text_in(&mut self, x: f32, width: f32, top: f32, line_h: f32, size: f32, bold: bool, align: Align, tone: Tone, text: &str) {
        let w = self.width(text, size, bold);
        let x = match align {
            Align::Left => x,
            Align::Right => x + width - w,
            Align::Center => x + (width - w) / 2.0,
        };
        self.text(x, baseline(top, line_h, size), size, bold, tone, text);
    }

    pub fn fill_rect(&mut self, x: f32, top: f32, w: f32, h: f32, tone: Tone) {
        if w <= 0.0 || h <= 0.0 {
            return;
        }
        let page = self.page();
        if page.fill != Some(tone) {
            page.gfx.push(Op::SetFillColor { col: tone.color() });
            page.fill = Some(tone);
        }
        page.gfx.push(Op::DrawRectangle {
            rectangle: Rect { x: Pt(x), y: Pt(PAGE_H - top - h), width: Pt(w), height: Pt(h), mode: Some(PaintMode::Fill), winding_order: None },
        });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, tone: Tone) {
        let page = self.page();
        let key = (tone, width.to_bits());
        if page.stroke != Some(key) {
            page.gfx.push(Op::SetOutlineColor { col: tone.color() });
            page.gfx.push(Op::SetOutlineThickness { pt: Pt(width) });
            page.stroke = Some(key);
        }
        let p = |x: f32, y: f32| LinePoint { p: Point { x: Pt(x), y: Pt(PAGE_H - y) }, bezier: false };
        page.gfx.push(Op::DrawLine { line: Line { points: vec![p(x1, y1), p(x2, y2)], is_closed: false } });
    }

    pub fn stroke_rect(&mut self, x: f32, top: f32, w: f32, h: f32, width: f32, tone: Tone) {
        self.line(x, top, x + w, top, width, tone);
        self.line(x + w, top, x + w, top + h, width, tone);
        self.line(x + w, top + h, x, top + h, width, tone);
        self.line(x, top + h, x, top, width, tone);
    }

    // ---- blocks ----

    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    /// A paragraph of body text across the page (or from `indent`), broken
    /// with 禁則 and continued on the next page line by line.
    pub fn paragraph(&mut self, text: &str, size: f32, indent: f32, tone: Tone) {
        let line_h = size * 1.7;
        let lines: Vec<String> = self.wrap(text, BODY_W - indent, size, false).into_iter().map(str::to_owned).collect();
        for l in lines {
            self.ensure(line_h);
            let y = self.y;
            self.text_in(LEFT + indent, BODY_W - indent, y, line_h, size, false, Align::Left, tone, &l);
            self.y += line_h;
        }
    }

    /// A numbered section heading, kept with at least `keep` points of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        let size = 13.0;
        let h = size * 2.2;
        self.ensure(h + keep);
        self.space(if self.y > TOP + 1.0 { 6.0 } else { 0.0 });
        let y = self.y;
        self.text_in(LEFT, BODY_W, y, h - 6.0, size, true, Align::Left, INK, text);
        self.line(LEFT, y + h - 5.0, LEFT + BODY_W, y + h - 5.0, 0.8, INK);
        self.bookmark(text);
        self.y += h;
    }

    /// A smaller heading inside a section.
    pub fn subheading(&mut self, text: &str, keep: f32) {
        let size = 10.5;
        let h = size * 2.0;
        self.ensure(h + keep);
        let y = self.y;
        self.fill_rect(LEFT, y + 4.0, 3.0, h - 8.0, BAR);
        self.text_in(LEFT + 7.0, BODY_W - 7.0, y, h, size, true, Align::Left, INK, text);
        self.y += h;
    }

    /// The 決裁欄: a row of stamp boxes under their labels, right-aligned at
    /// the cursor, with `caption` written vertically on the left as on paper forms.
    pub fn approval_boxes(&mut self, caption: &str, labels: &[String]) {
        if labels.is_empty() {
            return;
        }
        let caption_w = 7.0 * MM;
        let box_w = (21.0 * MM).min((BODY_W - caption_w) / labels.len() as f32);
        let (label_h, stamp_h) = (6.5 * MM, 20.0 * MM);
        let total_w = caption_w + box_w * labels.len() as f32;
        let x0 = LEFT + BODY_W - total_w;
        let top = self.y;
        let h = label_h + stamp_h;
        self.fill_rect(x0, top, caption_w, h, HEAD_FILL);
        self.fill_rect(x0 + caption_w, top, box_w * labels.len() as f32, label_h, HEAD_FILL);
        self.stroke_rect(x0, top, total_w, h, 0.8, INK);
        self.line(x0 + caption_w, top + label_h, x0 + total_w, top + label_h, 0.5, INK);
        for i in 0..labels.len() {
            let x = x0 + caption_w + box_w * i as f32;
            self.line(x, top, x, top + h, 0.5, INK);
        }
        let chars: Vec<char> = caption.chars().collect();
        if chars.iter().all(|c| !c.is_ascii()) {
            // Japanese: one character under the other, as on paper forms.
            let size = 9.0;
            let step = (h / (chars.len() as f32 + 1.0)).min(size * 1.6);
            let start = top + (h - step * chars.len() as f32) / 2.0;
            for (i, c) in chars.iter().enumerate() {
                let s = c.to_string();
                self.text_in(x0, caption_w, start + step * i as f32, step, size, true, Align::Center, INK, &s);
            }
        } else {
            // Latin letters stacked are hard to read: turned to run bottom to top.
            let size = self.fit_size(caption, h - 6.0, 8.0, true);
            let w = self.width(caption, size, true);
            self.text_up(x0 + caption_w / 2.0 + (ASCENT - 0.5) * size, top + (h + w) / 2.0, size, true, INK, caption);
        }
        for (i, label) in labels.iter().enumerate() {
            let x = x0 + caption_w + box_w * i as f32;
            let size = self.fit_size(label, box_w - 4.0, 8.5, false);
            self.text_in(x, box_w, top, label_h, size, false, Align::Center, INK, label);
        }
        self.y = top + h;
    }

    /// Lays out a table: header row repeated at the top of every page the
    /// table continues on, rows never split across pages.
    pub fn table(&mut self, table: &Table) {
        TableLayout::new(self, table).run(self, table);
    }

    /// A horizontal bar chart of percentages, with the previous 年度 under each bar.
    pub fn chart(&mut self, chart: &Chart) {
        chart_layout(self, chart);
    }

    /// Draws the running header and footer on every page and writes the PDF.
    pub fn finish(mut self) -> Result<crate::Rendered, ReportError> {
        let total = self.pages.len();
        if let Some(frame) = self.frame.take() {
            for n in 1..=total {
                let i = n - 1;
                // Header: title left, 年度 right, over a rule.
                let size = 8.5;
                let head_base = 15.0 * MM;
                self.with_page(i, |pdf| {
                    let year_w = pdf.width(&frame.year, size, false);
                    let title = pdf.truncate(&frame.title, BODY_W - year_w - 12.0, size, false);
                    pdf.text(LEFT, head_base, size, false, MUTED, &title);
                    pdf.text(LEFT + BODY_W - year_w, head_base, size, false, MUTED, &frame.year);
                    pdf.line(LEFT, head_base + 3.5, LEFT + BODY_W, head_base + 3.5, 0.5, RULE);
                    // Footer: organisation left, page n / N centred, 作成日 right.
                    let foot_base = PAGE_H - 13.0 * MM;
                    pdf.line(LEFT, foot_base - 10.0, LEFT + BODY_W, foot_base - 10.0, 0.5, RULE);
                    let created_w = pdf.width(&frame.created, size, false);
                    let label = (frame.page_label)(n, total);
                    let label_w = pdf.width(&label, size, false);
                    let org = pdf.truncate(&frame.organisation, BODY_W / 2.0 - label_w / 2.0 - 8.0, size, false);
                    pdf.text(LEFT, foot_base, size, false, MUTED, &org);
                    pdf.text(LEFT + (BODY_W - label_w) / 2.0, foot_base, size, false, INK, &label);
                    pdf.text(LEFT + BODY_W - created_w, foot_base, size, false, MUTED, &frame.created);
                });
            }
        }
        let pages: Vec<PdfPage> = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|p| {
                let mut ops = p.gfx;
                if !p.text.is_empty() {
                    ops.reserve(p.text.len() + 2);
                    ops.push(Op::StartTextSection);
                    ops.extend(p.text);
                    ops.push(Op::EndTextSection);
                }
                PdfPage::new(Mm(210.0), Mm(297.0), ops)
            })
            .collect();
        for (title, page) in &self.bookmarks {
            self.doc.add_bookmark(title, *page);
        }
        let mut warnings = Vec::new();
        let options = PdfSaveOptions { subset_fonts: true, ..Default::default() };
        let bytes = self.doc.with_pages(pages).save(&options, &mut warnings);
        if let Some(w) = warnings.iter().find(|w| w.severity == PdfParseErrorSeverity::Error) {
            return Err(ReportError::Pdf { detail: w.msg.clone() });
        }
        Ok(crate::Rendered { bytes, pages: total })
    }

    /// Runs `f` with page `index` as the current page (for the running header
    /// and footer, drawn once the page count is known).
    fn with_page(&mut self, index: usize, f: impl FnOnce(&mut Pdf)) {
        let last = self.pages.len() - 1;
        self.pages.swap(index, last);
        f(self);
        self.pages.swap(index, last);
    }
}

/// The baseline of a line of `size` text centred in a line box.
pub fn baseline(top: f32, line_h: f32, size: f32) -> f32 {
    top + (line_h - size) / 2.0 + ASCENT * size
}

// ---- tables ----

pub struct Column {
    pub header: String,
    /// Share of the table's width.
    pub weight: f32,
    pub align: Align,
    /// A grouping column (所属, 設問): its value is shown on the first row of
    /// each group and again at the top of each page, blank below within a group.
    pub group: bool,
    /// As wide as its widest cell (numbers, dates, codes: never wrapped);
    /// the other columns share what is left by weight.
    pub fit: bool,
}

impl Column {
    pub fn new(header: impl Into<String>, weight: f32, align: Align) -> Column {
        Column { header: header.into(), weight, align, group: false, fit: false }
    }
    pub fn grouped(mut self) -> Column {
        self.group = true;
        self
    }
    pub fn fit(mut self) -> Column {
        self.fit = true;
        self
    }
}

pub enum Cell {
    Text(String),
    /// A percentage drawn as a bar across the cell; None draws nothing.
    Bar(Option<f64>),
}

impl Cell {
    fn text(&self) -> &str {
        match self {
            Cell::Text(t) => t,
            Cell::Bar(_) => "",
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}

pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub size: f32,
}

const PAD_X: f32 = 3.0;
const PAD_Y: f32 = 2.0;

/// Fitted columns get their content's width (a header may take two lines),
/// at most a third of the page each; the others share the rest by weight.
fn column_widths(pdf: &Pdf, t: &Table) -> Vec<f32> {
    let natural: Vec<Option<f32>> = t
        .columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            c.fit.then(|| {
                let content = t
                    .rows
                    .iter()
                    .filter_map(|r| r.get(i))
                    .flat_map(|cell| cell.text().split('\n'))
                    .map(|l| pdf.width(l, t.size, false))
                    .fold(0.0, f32::max);
                // A short heading stays on one line; a long one may take two.
                let full = pdf.width(&c.header, t.size, true);
                let header = if full <= t.size * 7.5 { full } else { (full / 2.0 + t.size).max(t.size * 7.5) };
                (content.max(header) + 2.0 * PAD_X + 4.0).min(BODY_W / 3.0)
            })
        })
        .collect();
    let fixed: f32 = natural.iter().flatten().sum();
    let weights: f32 = t.columns.iter().zip(&natural).filter(|(_, n)| n.is_none()).map(|(c, _)| c.weight).sum();
    let left = BODY_W - fixed;
    if weights > 0.0 && left > BODY_W * 0.2 {
        t.columns.iter().zip(&natural).map(|(c, n)| n.unwrap_or(left * c.weight / weights)).collect()
    } else if weights <= 0.0 && fixed > 0.0 {
        // Only fitted columns: stretch them to the page.
        natural.iter().map(|n| n.unwrap_or(0.0) * BODY_W / fixed).collect()
    } else {
        // Too much to fit: everything by weight.
        let total: f32 = t.columns.iter().map(|c| c.weight).sum::<f32>().max(f32::EPSILON);
        t.columns.iter().map(|c| BODY_W * c.weight / total).collect()
    }
}

struct TableLayout {
    xs: Vec<f32>,
    widths: Vec<f32>,
    line_h: f32,
    header_lines: Vec<Vec<String>>,
    header_h: f32,
}

impl TableLayout {
    fn new(pdf: &Pdf, t: &Table) -> TableLayout {
        let widths = column_widths(pdf, t);
        let mut xs = Vec::with_capacity(widths.len());
        let mut x = LEFT;
        for w in &widths {
            xs.push(x);
            x += w;
        }
        let line_h = t.size * 1.4;
        let header_lines: Vec<Vec<String>> = t
            .columns
            .iter()
            .zip(&widths)
            .map(|(c, w)| pdf.wrap(&c.header, w - 2.0 * PAD_X, t.size, true).into_iter().map(str::to_owned).collect())
            .collect();
        let n = header_lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let header_h = n as f32 * line_h + 2.0 * PAD_Y;
        TableLayout { xs, widths, line_h, header_lines, header_h }
    }

    fn header(&self, pdf: &mut Pdf, t: &Table) {
        let top = pdf.y;
        pdf.fill_rect(LEFT, top, BODY_W, self.header_h, HEAD_FILL);
        pdf.line(LEFT, top, LEFT + BODY_W, top, 0.8, RULE);
        for (i, lines) in self.header_lines.iter().enumerate() {
            // Header text is centred vertically as well as horizontally.
            let block = lines.len() as f32 * self.line_h;
            let first = top + (self.header_h - block) / 2.0;
            for (k, l) in lines.iter().enumerate() {
                pdf.text_in(self.xs[i] + PAD_X, self.widths[i] - 2.0 * PAD_X, first + k as f32 * self.line_h, self.line_h, t.size, true, Align::Center, INK, l);
            }
        }
        pdf.y += self.header_h;
        pdf.line(LEFT, pdf.y, LEFT + BODY_W, pdf.y, 0.6, RULE);
    }

    /// The lines of each cell of `row`; group cells are empty when not shown.
    fn row_lines<'r>(&self, pdf: &Pdf, t: &Table, row: &'r [Cell], show: &[bool]) -> Vec<Vec<&'r str>> {
        row.iter()
            .enumerate()
            .map(|(i, cell)| match cell {
                Cell::Text(s) if show[i] => pdf.wrap(s, self.widths[i] - 2.0 * PAD_X, t.size, false),
                _ => Vec::new(),
            })
            .collect()
    }

    fn height(&self, lines: &[Vec<&str>]) -> f32 {
        lines.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32 * self.line_h + 2.0 * PAD_Y
    }

    /// Closes the part of the table on the current page: the bottom rule and
    /// the column rules from `top` down.
    fn close(&self, pdf: &mut Pdf, top: f32) {
        let bottom = pdf.y;
        pdf.line(LEFT, bottom, LEFT + BODY_W, bottom, 0.8, RULE);
        for (i, x) in self.xs.iter().enumerate() {
            let w = if i == 0 { 0.8 } else { 0.4 };
            pdf.line(*x, top, *x, bottom, w, if i == 0 { RULE } else { GRID });
        }
        pdf.line(LEFT + BODY_W, top, LEFT + BODY_W, bottom, 0.8, RULE);
    }

    fn run(&self, pdf: &mut Pdf, t: &Table) {
        let cols = t.columns.len();
        if cols == 0 {
            return;
        }
        let page_body = PAGE_H - TOP - BOTTOM;
        // The header and the first row go together.
        let first_h = t.rows.first().map(|r| self.height(&self.row_lines(pdf, t, r, &vec![true; cols]))).unwrap_or(self.line_h + 2.0 * PAD_Y);
        pdf.ensure(self.header_h + first_h.min(page_body - self.header_h));
        let mut seg_top = pdf.y;
        self.header(pdf, t);
        let mut first_on_page = true;
        let mut previous: Option<&Vec<Cell>> = None;
        for row in &t.rows {
            let show = |first: bool| -> Vec<bool> {
                (0..cols)
                    .map(|i| !t.columns[i].group || first || previous.is_none_or(|p| p.get(i).map(Cell::text) != row.get(i).map(Cell::text)))
                    .collect()
            };
            let mut shown = show(first_on_page);
            let mut lines = self.row_lines(pdf, t, row, &shown);
            let mut h = self.height(&lines);
            if pdf.y + h > pdf.bottom() && !first_on_page {
                self.close(pdf, seg_top);
                pdf.new_page();
                seg_top = pdf.y;
                self.header(pdf, t);
                shown = show(true);
                lines = self.row_lines(pdf, t, row, &shown);
                h = self.height(&lines);
            }
            // A row taller than a whole page is cut (with …) rather than split.
            let max_lines = ((page_body - self.header_h - 2.0 * PAD_Y) / self.line_h).floor().max(1.0) as usize;
            let cut: Vec<Vec<String>> = lines
                .iter()
                .map(|l| {
                    let mut out: Vec<String> = l.iter().take(max_lines).map(|s| s.to_string()).collect();
                    if l.len() > max_lines {
                        if let Some(last) = out.last_mut() {
                            last.push('…');
                        }
                    }
                    out
                })
                .collect();
            if lines.iter().any(|l| l.len() > max_lines) {
                h = max_lines as f32 * self.line_h + 2.0 * PAD_Y;
            }
            let top = pdf.y;
            // Row rule above, interrupted where a group continues.
            if !first_on_page {
                let mut start: Option<f32> = None;
                for ((&x, column), &show) in self.xs.iter().zip(&t.columns).zip(&shown) {
                    match (show || !column.group, start) {
                        (true, None) => start = Some(x),
                        (false, Some(s)) => {
                            pdf.line(s, top, x, top, 0.3, GRID);
                            start = None;
                        }
                        _ => {}
                    }
                }
                if let Some(s) = start {
                    pdf.line(s, top, LEFT + BODY_W, top, 0.3, GRID);
                }
            }
            for (i, cell) in row.iter().enumerate().take(cols) {
                let (x, w) = (self.xs[i] + PAD_X, self.widths[i] - 2.0 * PAD_X);
                match cell {
                    Cell::Text(_) => {
                        for (k, l) in cut[i].iter().enumerate() {
                            pdf.text_in(x, w, top + PAD_Y + k as f32 * self.line_h, self.line_h, t.size, false, t.columns[i].align, INK, l);
                        }
                    }
                    Cell::Bar(value) => {
                        let bar_h = (self.line_h * 0.6).min(7.0);
                        let bar_top = top + PAD_Y + (self.line_h - bar_h) / 2.0;
                        pdf.fill_rect(x, bar_top, w, bar_h, TRACK);
                        if let Some(v) = value {
                            pdf.fill_rect(x, bar_top, w * (v.clamp(0.0, 100.0) as f32) / 100.0, bar_h, BAR);
                        }
                    }
                }
            }
            pdf.y = top + h;
            first_on_page = false;
            previous = Some(row);
        }
        self.close(pdf, seg_top);
    }
}

// ---- charts ----

pub struct ChartRow {
    pub label: String,
    pub value: Option<f64>,
    pub previous: Option<f64>,
}

pub struct Chart {
    pub rows: Vec<ChartRow>,
    /// Legend of the dark bar (this 年度) and of the light one (the previous), if shown.
    pub current_label: String,
    pub previous_label: Option<String>,
    /// Written where there is nothing to draw (no answers counted).
    pub none_label: String,
    /// How a value is written: 87.5%.
    pub format: fn(f64) -> String,
}

fn chart_layout(pdf: &mut Pdf, chart: &Chart) {
    let size = 8.5;
    let small = 7.0;
    let label_w = BODY_W * 0.32;
    let value_w = 16.0 * MM;
    let bar_x = LEFT + label_w + 4.0;
    let bar_w = BODY_W - label_w - 4.0 - value_w - 4.0;
    let with_previous = chart.previous_label.is_some();
    let (bar_h, prev_h, gap) = (7.5, 4.5, 3.5);
    let row_core = if with_previous { bar_h + gap + prev_h } else { bar_h };
    let legend_h = 16.0;
    let axis_h = 14.0;

    let label_lines: Vec<Vec<String>> = chart
        .rows
        .iter()
        .map(|r| {
            let mut l: Vec<String> = pdf.wrap(&r.label, label_w, size, false).into_iter().map(str::to_owned).collect();
            if l.len() > 2 {
                let rest = l[1..].concat();
                l.truncate(1);
                l.push(pdf.truncate(&rest, label_w, size, false));
            }
            l
        })
        .collect();
    let row_h = |i: usize| (label_lines[i].len() as f32 * size * 1.3).max(row_core) + 7.0;

    let legend = |pdf: &mut Pdf| {
        let top = pdf.y;
        let mut x = bar_x;
        let mut key = |pdf: &mut Pdf, tone: Tone, h: f32, label: &str| {
            pdf.fill_rect(x, top + (legend_h - 6.0 - h) / 2.0, 10.0, h, tone);
            pdf.text_in(x + 13.0, 200.0, top, legend_h - 6.0, small, false, Align::Left, MUTED, label);
            x += 13.0 + pdf.width(label, small, false) + 14.0;
        };
        key(pdf, BAR, bar_h, &chart.current_label);
        if let Some(p) = &chart.previous_label {
            key(pdf, BAR_PREVIOUS, prev_h, p);
        }
        pdf.y += legend_h;
    };
    let axis = |pdf: &mut Pdf, top: f32| {
        let bottom = pdf.y;
        for k in 0..=4 {
            let x = bar_x + bar_w * k as f32 / 4.0;
            pdf.line(x, top, x, bottom, if k == 0 { 0.6 } else { 0.3 }, if k == 0 { RULE } else { GRID });
            let label = format!("{}%", k * 25);
            pdf.text_in(x - 20.0, 40.0, bottom + 2.0, small * 1.4, small, false, Align::Center, MUTED, &label);
        }
        pdf.y = bottom + axis_h;
    };

    let first = chart.rows.first().map(|_| row_h(0)).unwrap_or(0.0);
    pdf.ensure(legend_h + first + axis_h);
    legend(pdf);
    let mut seg_top = pdf.y;
    for (i, r) in chart.rows.iter().enumerate() {
        let h = row_h(i);
        if pdf.y + h + axis_h > pdf.bottom() && pdf.y > seg_top + 0.5 {
            axis(pdf, seg_top);
            pdf.new_page();
            legend(pdf);
            seg_top = pdf.y;
        }
        let top = pdf.y;
        let block = label_lines[i].len() as f32 * size * 1.3;
        let label_top = top + (h - block) / 2.0;
        for (k, l) in label_lines[i].iter().enumerate() {
            pdf.text_in(LEFT, label_w, label_top + k as f32 * size * 1.3, size * 1.3, size, false, Align::Right, INK, l);
        }
        let core_top = top + (h - row_core) / 2.0;
        match r.value {
            Some(v) => {
                pdf.fill_rect(bar_x, core_top, bar_w * (v.clamp(0.0, 100.0) as f32) / 100.0, bar_h, BAR);
                pdf.text_in(bar_x + bar_w + 4.0, value_w, core_top - 1.0, bar_h + 2.0, size, true, Align::Right, INK, &(chart.format)(v));
            }
            None => pdf.text_in(bar_x + bar_w + 4.0, value_w, core_top - 1.0, bar_h + 2.0, size, false, Align::Right, MUTED, &chart.none_label),
        }
        if with_previous {
            let p_top = core_top + bar_h + gap;
            if let Some(p) = r.previous {
                pdf.fill_rect(bar_x, p_top, bar_w * (p.clamp(0.0, 100.0) as f32) / 100.0, prev_h, BAR_PREVIOUS);
                pdf.text_in(bar_x + bar_w + 4.0, value_w, p_top - 1.5, prev_h + 3.0, small, false, Align::Right, MUTED, &(chart.format)(p));
            }
        }
        pdf.y = top + h;
    }
    axis(pdf, seg_top);
}
