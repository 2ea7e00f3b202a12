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

mod chart;
mod table;

use chart::chart_layout;
pub use chart::{Chart, ChartRow};
use table::TableLayout;
pub use table::{Cell, Column, Table};

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
        if w <= width || w <= 0.0 {
            size
        } else {
            (size * width / w).max(4.0)
        }
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
