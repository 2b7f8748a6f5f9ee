import Foundation
import LangNgheCore
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

@Suite("Charts: SVG rendered on the server")
struct ChartTests {
    let hostile = "Bộ Tài chính & <x>"

    var monthly: BarChart {
        BarChart(
            title: "PAKN theo tháng", description: "Tháng 1: nhận 10, trả lời 5. Tháng 2: nhận 4, trả lời 8.",
            series: ["Đã nhận", "Đã trả lời"],
            groups: [.init(label: "T1", values: [10, 5]), .init(label: "T2", values: [4, 8])],
            valueAxisLabel: "Số PAKN", groupAxisLabel: "Tháng", width: 600, height: 300)
    }

    var onTime: HorizontalBarChart {
        let interval = WilsonInterval(successes: 19, trials: 20)
        return HorizontalBarChart(
            title: "Tỷ lệ đúng hạn", description: "Bộ Tài chính: 95 %.",
            bars: [.init(label: hostile, rate: 0.95, interval: interval.lower...interval.upper)],
            axisLabel: "Đúng hạn", width: 600, height: 200)
    }

    var mix: ShareChart {
        ShareChart(
            title: "Loại nội dung", description: "Quy định 3, hành vi 1.",
            parts: [.init(label: "Quy định", count: 3), .init(label: "Hành vi", count: 1)])
    }

    @Test func everyChartIsAWellFormedImageWithItsTextAlternative() throws {
        let charts = [
            (monthly.svg, monthly.title, monthly.description), (onTime.svg, onTime.title, onTime.description),
            (mix.svg, mix.title, mix.description),
        ]
        for (svg, title, description) in charts {
            let document = try #require(StatsSVGDocument(svg))
            #expect(document.root?.name == "svg" && document.root?.attributes["role"] == "img")
            #expect(document.root?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
            #expect(document.texts("title").first == title && document.texts("desc").first == description)
            #expect(!svg.contains("<script") && !svg.contains("href") && !svg.contains("<style"))
        }
    }

    @Test func dataIsEscapedAndSurvivesParsing() throws {
        let svg = onTime.svg
        #expect(svg.contains("Bộ Tài chính &amp; &lt;x&gt;") && !svg.contains("<x>"))
        let document = try #require(StatsSVGDocument(svg))
        #expect(document.texts("text").contains(hostile))
        // Control characters XML forbids are dropped, not passed on.
        let bell = ShareChart(title: "a\u{7}b", description: "\"q\" & 'a'", parts: [.init(label: "x\u{0}", count: 1)])
        let parsed = try #require(StatsSVGDocument(bell.svg))
        #expect(parsed.texts("title") == ["ab", "x: 1 (100%)"] && parsed.texts("desc") == ["\"q\" & 'a'"])
    }

    @Test func barsScaleToTheData() throws {
        let document = try #require(StatsSVGDocument(monthly.svg))
        // Bars carry a tooltip; the largest value (10) fills the plot, to a round axis maximum of 10.
        let heights = document.elements.filter { $0.name == "rect" && $0.hasTooltip }.compactMap { Double($0.attributes["height"] ?? "") }
        #expect(heights.count == 4)
        #expect(heights == [216, 108, 86.4, 172.8])
        #expect(document.texts("text").contains("10") && document.texts("text").contains("Số PAKN"))
    }

    @Test func theWhiskerSpansTheInterval() throws {
        let document = try #require(StatsSVGDocument(onTime.svg))
        // The whisker is drawn in ink 2 wide, over a white halo.
        let whisker = try #require(
            document.elements.first { $0.name == "line" && $0.attributes["stroke"] == "#1A1A1A" && $0.attributes["stroke-width"] == "2" })
        let from = try #require(Double(whisker.attributes["x1"] ?? ""))
        let to = try #require(Double(whisker.attributes["x2"] ?? ""))
        let bar = try #require(document.elements.first { $0.name == "rect" && $0.hasTooltip })
        let barEnd = try #require(Double(bar.attributes["x"] ?? "")) + (Double(bar.attributes["width"] ?? "") ?? 0)
        #expect(from < barEnd && barEnd < to)
        #expect(document.texts("text").contains("95%") && document.texts("text").contains("100%"))
    }

    @Test func emptyDataDrawsAValidEmptyChart() throws {
        let charts = [
            BarChart(title: "t", description: "d", series: [], groups: [], valueAxisLabel: "", groupAxisLabel: "").svg,
            HorizontalBarChart(title: "t", description: "d", bars: [], axisLabel: "").svg,
            ShareChart(title: "t", description: "d", parts: [.init(label: "Quy định", count: 0)]).svg,
            BarChart(title: "t", description: "d", series: ["a"], groups: [], valueAxisLabel: "", groupAxisLabel: "", width: 0, height: 0)
                .svg,
        ]
        for svg in charts {
            let document = try #require(StatsSVGDocument(svg))
            #expect(!document.elements.contains { $0.hasTooltip })
        }
    }
}

/// An SVG document as `XMLParser` reads it: each element with its attributes and text, in
/// document order. Nil if the text is not well-formed XML.
private final class StatsSVGDocument: NSObject, XMLParserDelegate {
    struct Element {
        let name: String
        let attributes: [String: String]
        var text = ""
        var hasTooltip = false
    }

    private(set) var elements: [Element] = []
    private var open: [Int] = []

    init?(_ svg: String) {
        super.init()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = self
        guard parser.parse() else { return nil }
    }

    var root: Element? { elements.first }

    /// The text of every element named `name`.
    func texts(_ name: String) -> [String] {
        elements.filter { $0.name == name }.map(\.text)
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if name == "title", let parent = open.last { elements[parent].hasTooltip = elements[parent].name != "svg" }
        open.append(elements.count)
        elements.append(Element(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let current = open.last { elements[current].text += string }
    }
}
