/// The drawing the charts write into: SVG elements as text, every text and attribute value
/// escaped, and a document with its text alternative around them.
///
/// The charts are inlined in server-rendered pages, so the output has no script, no style
/// sheet, no font or image to fetch.
struct SVGCanvas {
    enum Anchor: String {
        case start, middle, end
    }

    let width: Int
    let height: Int
    private var elements: [String] = []

    init(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(1, height)
    }

    /// A filled rectangle; `tooltip` becomes its `<title>`, shown on hover.
    mutating func rect(
        x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil, tooltip: String? = nil
    ) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" width=\"\(n(max(0, width)))\" height=\"\(n(max(0, height)))\" fill=\"\(fill)\""
        if let stroke { attributes += " stroke=\"\(stroke)\"" }
        if let tooltip {
            elements.append("<rect \(attributes)><title>\(XMLText.escape(tooltip))</title></rect>")
        } else {
            elements.append("<rect \(attributes)/>")
        }
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1) {
        elements.append(
            "<line x1=\"\(n(x1))\" y1=\"\(n(y1))\" x2=\"\(n(x2))\" y2=\"\(n(y2))\" stroke=\"\(stroke)\" stroke-width=\"\(n(width))\"/>")
    }

    /// Text whose baseline starts, is centred or ends at (x, y); `vertical` turns it to read
    /// upwards, for a vertical axis label.
    mutating func text(
        _ text: String, x: Double, y: Double, anchor: Anchor = .start, size: Double = 12, bold: Bool = false,
        vertical: Bool = false
    ) {
        var attributes = "x=\"\(n(x))\" y=\"\(n(y))\" font-size=\"\(n(size))\" fill=\"\(ChartPalette.ink)\""
        if anchor != .start { attributes += " text-anchor=\"\(anchor.rawValue)\"" }
        if bold { attributes += " font-weight=\"bold\"" }
        if vertical { attributes += " transform=\"rotate(-90 \(n(x)) \(n(y)))\"" }
        elements.append("<text \(attributes)>\(XMLText.escape(text))</text>")
    }

    /// The SVG document: an image to assistive technology, named by `title` and described by
    /// `description` (the text alternative), on a white ground so it reads on dark pages too.
    func document(title: String, description: String) -> String {
        let open =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
            + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" font-family=\"system-ui, sans-serif\">"
        let head = [
            "<title>\(XMLText.escape(title))</title>", "<desc>\(XMLText.escape(description))</desc>",
            "<rect width=\"\(width)\" height=\"\(height)\" fill=\"\(ChartPalette.background)\"/>",
        ]
        return ([open] + head + elements + ["</svg>"]).joined(separator: "\n")
    }

    /// `text` safe inside an element or a quoted attribute. Characters XML 1.0 forbids (most
    /// control characters) are dropped: data must not make the document unreadable.

    /// A coordinate in plain decimal notation, to the hundredth: no locale, no exponent.
    private func n(_ value: Double) -> String { Self.number(value) }

    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((min(max(value, -1e12), 1e12) * 100).rounded())
        let magnitude = abs(hundredths)
        let sign = hundredths < 0 ? "-" : ""
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction == 0 { return magnitude == 0 ? "0" : sign + whole }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + whole + "." + digits
    }
}
