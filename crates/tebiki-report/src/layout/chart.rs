//! Horizontal bar charts: this 年度 beside the previous one, with a legend.

use super::*;

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

pub(super) fn chart_layout(pdf: &mut Pdf, chart: &Chart) {
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
