/// The shares of a whole as one bar split in proportion (a stacked 100 % bar), with a legend
/// giving each part's count and percentage: easier to compare and to read than a pie.
public struct ShareChart: Sendable, Hashable {
    /// One part of the whole, e.g. a category and its number of petitions.
    public struct Part: Sendable, Hashable {
        public var label: String
        public var count: Int

        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    public var title: String
    /// The text alternative, `<desc>`.
    public var description: String
    /// The parts, in the order drawn; each takes the next palette colour.
    public var parts: [Part]
    public var width: Int
    public var height: Int

    public init(title: String, description: String, parts: [Part], width: Int = 640, height: Int = 160) {
        self.title = title
        self.description = description
        self.parts = parts
        self.width = width
        self.height = height
    }

    /// The chart as an SVG document. With nothing counted the bar is an empty outline.
    public var svg: String {
        var canvas = SVGCanvas(width: width, height: height)
        let total = parts.reduce(0) { $0 + max(0, $1.count) }
        let bar = (x: 8.0, y: 8.0, width: max(1, Double(width) - 16), height: 32.0)
        canvas.rect(x: bar.x, y: bar.y, width: bar.width, height: bar.height, fill: ChartPalette.background, stroke: ChartPalette.grid)
        var x = bar.x
        for (i, part) in parts.enumerated() where total > 0 && part.count > 0 {
            let share = Double(part.count) / Double(total)
            // A white edge keeps neighbouring parts apart where colours alone would not.
            canvas.rect(
                x: x, y: bar.y, width: share * bar.width, height: bar.height, fill: ChartPalette.colour(i),
                stroke: ChartPalette.background, tooltip: legend(part, total: total))
            x += share * bar.width
        }
        for (i, part) in parts.enumerated() {
            let y = bar.y + bar.height + 20 + Double(i) * 20
            canvas.rect(x: bar.x, y: y - 10, width: 12, height: 12, fill: ChartPalette.colour(i))
            canvas.text(legend(part, total: total), x: bar.x + 18, y: y)
        }
        return canvas.document(title: title, description: description)
    }

    /// "Label: count (share)", the share left out when nothing is counted.
    private func legend(_ part: Part, total: Int) -> String {
        let share = total > 0 ? " (\(ChartText.percent(Double(max(0, part.count)) / Double(total))))" : ""
        return "\(part.label): \(part.count)\(share)"
    }
}
