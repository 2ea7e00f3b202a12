//! BIZ UDPゴシック (OFL), compiled in so that a report renders the same on every
//! PC, and measured from its own advance widths so that the layout matches
//! what the PDF viewer draws.

use crate::ReportError;
use printpdf::{FontId, ParsedFont, PdfDocument};
use std::cell::RefCell;
use std::collections::HashMap;

/// The font files, for a page that must use the same face (the benchmark's HTML).
pub const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/BIZUDPGothic-Regular.ttf");
pub const BOLD: &[u8] = include_bytes!("../../../assets/fonts/BIZUDPGothic-Bold.ttf");

/// One face: the parsed font, its id in the document, and advances already looked up.
pub struct Face {
    font: ParsedFont,
    pub id: FontId,
    units_per_em: f32,
    /// Glyph and advance (in em) of each character met so far: a report
    /// measures and writes the same few hundred characters hundreds of
    /// thousands of times, and a cmap lookup is the costly part.
    glyphs: RefCell<HashMap<char, (u16, f32)>>,
}

impl Face {
    fn load(doc: &mut PdfDocument, bytes: &[u8], name: &'static str) -> Result<Face, ReportError> {
        let font = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(ReportError::Font { name })?;
        let id = doc.add_font(&font);
        let units_per_em = f32::from(font.pdf_font_metrics.units_per_em.max(1));
        Ok(Face { font, id, units_per_em, glyphs: RefCell::new(HashMap::new()) })
    }

    /// The glyph of `c` (.notdef, 0, for a character the font lacks, which is
    /// what a viewer would draw) and its advance in em.
    pub fn glyph(&self, c: char) -> (u16, f32) {
        if let Some(g) = self.glyphs.borrow().get(&c) {
            return *g;
        }
        let gid = self.font.lookup_glyph_index(c as u32).unwrap_or(0);
        let g = (gid, f32::from(self.font.get_horizontal_advance(gid)) / self.units_per_em);
        self.glyphs.borrow_mut().insert(c, g);
        g
    }

    /// The advance of `c` in em.
    pub fn em(&self, c: char) -> f32 {
        self.glyph(c).1
    }

    /// Width of `text` at `size` points.
    pub fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.em(c)).sum::<f32>() * size
    }
}

/// The regular and bold faces of a document.
pub struct Fonts {
    pub regular: Face,
    pub bold: Face,
}

impl Fonts {
    pub fn load(doc: &mut PdfDocument) -> Result<Fonts, ReportError> {
        Ok(Fonts { regular: Face::load(doc, REGULAR, "BIZUDPGothic-Regular")?, bold: Face::load(doc, BOLD, "BIZUDPGothic-Bold")? })
    }

    pub fn face(&self, bold: bool) -> &Face {
        if bold {
            &self.bold
        } else {
            &self.regular
        }
    }
}
