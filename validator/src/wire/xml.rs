//! A small XML reader for Alibaba's response envelopes (`<CreateImageResponse>`, `<Error>`): a
//! root element whose children hold text. Enough XML for that and no more (no DTDs, no
//! namespaces), so the validator ships to the browser without an XML crate. Comments,
//! processing instructions, CDATA sections, the five predefined entities and numeric character
//! references are understood; anything else is an error, never a panic.

use std::fmt;

/// An element: its name, its text (the concatenated character data directly inside it) and its
/// child elements, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub text: String,
    pub children: Vec<Element>,
}

impl Element {
    /// The text of the first child named `name`.
    pub fn child_text(&self, name: &str) -> Option<&str> {
        self.children.iter().find(|c| c.name == name).map(|c| c.text.as_str())
    }
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    pub at: usize,
    pub reason: &'static str,
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed XML at byte {}: {}", self.at, self.reason)
    }
}

impl std::error::Error for XmlError {}

const MAX_DEPTH: usize = 32;

/// Parses a document and returns its root element.
pub fn parse(doc: &str) -> Result<Element, XmlError> {
    let mut p = Parser { s: doc, at: 0 };
    p.skip_misc()?;
    let root = p.element(0)?;
    p.skip_misc()?;
    if p.at != p.s.len() {
        return Err(p.err("content after the root element"));
    }
    Ok(root)
}

struct Parser<'a> {
    s: &'a str,
    at: usize,
}

impl Parser<'_> {
    fn err(&self, reason: &'static str) -> XmlError {
        XmlError { at: self.at, reason }
    }

    fn rest(&self) -> &str {
        &self.s[self.at..]
    }

    fn skip_ws(&mut self) {
        let n = self.rest().len() - self.rest().trim_start().len();
        self.at += n;
    }

    /// Skips whitespace, the XML declaration, processing instructions, comments and a BOM.
    fn skip_misc(&mut self) -> Result<(), XmlError> {
        if self.rest().starts_with('\u{feff}') {
            self.at += '\u{feff}'.len_utf8();
        }
        loop {
            self.skip_ws();
            if self.rest().starts_with("<?") {
                self.skip_past("?>")?;
            } else if self.rest().starts_with("<!--") {
                self.skip_past("-->")?;
            } else {
                return Ok(());
            }
        }
    }

    fn skip_past(&mut self, end: &str) -> Result<(), XmlError> {
        match self.rest().find(end) {
            Some(i) => {
                self.at += i + end.len();
                Ok(())
            }
            None => Err(self.err("unterminated markup")),
        }
    }

    fn name(&mut self) -> Result<String, XmlError> {
        let len =
            self.rest().find(|c: char| c.is_whitespace() || matches!(c, '>' | '/' | '=')).unwrap_or(self.rest().len());
        if len == 0 {
            return Err(self.err("expected a name"));
        }
        let name = self.rest()[..len].to_owned();
        self.at += len;
        Ok(name)
    }

    fn element(&mut self, depth: usize) -> Result<Element, XmlError> {
        if depth > MAX_DEPTH {
            return Err(self.err("nested too deeply"));
        }
        if !self.rest().starts_with('<') {
            return Err(self.err("expected an element"));
        }
        self.at += 1;
        let name = self.name()?;
        // Attributes are read past, not kept: the envelopes carry none that matter.
        loop {
            self.skip_ws();
            if self.rest().starts_with("/>") {
                self.at += 2;
                return Ok(Element { name, text: String::new(), children: Vec::new() });
            }
            if self.rest().starts_with('>') {
                self.at += 1;
                break;
            }
            self.name()?;
            self.skip_ws();
            if !self.rest().starts_with('=') {
                return Err(self.err("expected = after an attribute name"));
            }
            self.at += 1;
            self.skip_ws();
            let quote = self
                .rest()
                .chars()
                .next()
                .filter(|c| *c == '"' || *c == '\'')
                .ok_or(self.err("expected a quoted value"))?;
            self.at += 1;
            match self.rest().find(quote) {
                Some(i) => self.at += i + 1,
                None => return Err(self.err("unterminated attribute value")),
            }
        }
        let mut text = String::new();
        let mut children = Vec::new();
        loop {
            let r = self.rest();
            if r.is_empty() {
                return Err(self.err("unterminated element"));
            } else if r.starts_with("</") {
                self.at += 2;
                let end = self.name()?;
                if end != name {
                    return Err(self.err("mismatched end tag"));
                }
                self.skip_ws();
                if !self.rest().starts_with('>') {
                    return Err(self.err("expected > after an end tag"));
                }
                self.at += 1;
                return Ok(Element { name, text, children });
            } else if let Some(cdata) = r.strip_prefix("<![CDATA[") {
                let Some(end) = cdata.find("]]>") else {
                    return Err(self.err("unterminated CDATA section"));
                };
                text.push_str(&cdata[..end]);
                self.at += "<![CDATA[".len() + end + 3;
            } else if r.starts_with("<!--") {
                self.skip_past("-->")?;
            } else if r.starts_with("<?") {
                self.skip_past("?>")?;
            } else if r.starts_with('<') {
                children.push(self.element(depth + 1)?);
            } else {
                let len = r.find('<').unwrap_or(r.len());
                let raw = &r[..len];
                unescape(raw, &mut text).map_err(|reason| self.err(reason))?;
                self.at += len;
            }
        }
    }
}

fn unescape(raw: &str, out: &mut String) -> Result<(), &'static str> {
    let mut rest = raw;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let end = after.find(';').ok_or("an entity without ;")?;
        let entity = &after[..end];
        let c = match entity {
            "lt" => '<',
            "gt" => '>',
            "amp" => '&',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = entity.strip_prefix("#x").or_else(|| entity.strip_prefix("#X")) {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = entity.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32).ok_or("an unknown entity")?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alibaba_envelopes() {
        // seed 002, 正常返回示例 (XML).
        let ok = "<CreateImageResponse>\n  <RequestId>C8B26B44-0189-443E-9816-D951F59623A9</RequestId>\n  <ImageId>m-63DFD5FB2</ImageId>\n</CreateImageResponse>\n";
        let e = parse(ok).unwrap();
        assert_eq!(e.name, "CreateImageResponse");
        assert_eq!(e.child_text("ImageId"), Some("m-63DFD5FB2"));
        let err = "<?xml version='1.0' encoding='UTF-8'?><Error><RequestId>R</RequestId><Code>SignatureDoesNotMatch</Code>\
                   <Message>a &amp; b &lt;c&gt; &#20013;&#x6587;</Message>\
                   <Recommend><![CDATA[https://error-center.aliyun.com/status/search?Keyword=SignatureDoesNotMatch&source=PopGw]]></Recommend></Error>";
        let e = parse(err).unwrap();
        assert_eq!(e.child_text("Message"), Some("a & b <c> 中文"));
        assert!(e.child_text("Recommend").unwrap().ends_with("&source=PopGw"));
    }

    #[test]
    fn malformed_is_an_error() {
        for bad in ["", "<a>", "<a></b>", "<a>&bogus;</a>", "<a x=1></a>", "<a></a><b/>", "<a><![CDATA[x</a>", "text"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "<a>".repeat(100) + &"</a>".repeat(100);
        assert!(parse(&deep).is_err());
        assert!(parse("<a b=\"1\" c='2'/>").is_ok());
    }
}
