//! Tables: columns sized by weight or content, a header row repeated on
//! every page, rows never split across pages.

use super::*;

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
                let content =
                    t.rows.iter().filter_map(|r| r.get(i)).flat_map(|cell| cell.text().split('\n')).map(|l| pdf.width(l, t.size, false)).fold(0.0, f32::max);
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

pub(super) struct TableLayout {
    xs: Vec<f32>,
    widths: Vec<f32>,
    line_h: f32,
    header_lines: Vec<Vec<String>>,
    header_h: f32,
}

impl TableLayout {
    pub(super) fn new(pdf: &Pdf, t: &Table) -> TableLayout {
        let widths = column_widths(pdf, t);
        let mut xs = Vec::with_capacity(widths.len());
        let mut x = LEFT;
        for w in &widths {
            xs.push(x);
            x += w;
        }
        let line_h = t.size * 1.4;
        let header_lines: Vec<Vec<String>> =
            t.columns.iter().zip(&widths).map(|(c, w)| pdf.wrap(&c.header, w - 2.0 * PAD_X, t.size, true).into_iter().map(str::to_owned).collect()).collect();
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

    pub(super) fn run(&self, pdf: &mut Pdf, t: &Table) {
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
                (0..cols).map(|i| !t.columns[i].group || first || previous.is_none_or(|p| p.get(i).map(Cell::text) != row.get(i).map(Cell::text))).collect()
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
