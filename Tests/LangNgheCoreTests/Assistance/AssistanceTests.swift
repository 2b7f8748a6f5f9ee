import Foundation
import Testing

@testable import LangNgheCore

/// Issue 15 §1–2: the pieces of the assistant, on fixed examples.
@Suite struct AssistanceTests {
    static let original =
        "Chậm cấp Giấy chứng nhận quyền sử dụng đất tại phường Tân Định. Tôi nộp hồ sơ cấp Giấy chứng nhận quyền sử dụng đất "
        + "cho thửa đất của gia đình tại phường Tân Định từ ngày 5/3, được hẹn trả kết quả sau 30 ngày nhưng đến nay đã quá hạn "
        + "hai tháng vẫn chưa nhận được, cũng không có văn bản nào giải thích lý do chậm trễ."
    /// The same matter, written again in other words.
    static let reworded =
        "Hồ sơ cấp sổ đỏ ở phường Tân Định bị trễ hẹn. Gia đình tôi đã nộp đủ hồ sơ đề nghị cấp Giấy chứng nhận quyền sử dụng đất "
        + "từ đầu tháng 3, theo giấy hẹn thì sau 30 ngày có kết quả, nhưng đã quá hạn hơn hai tháng mà chưa được cấp và không ai "
        + "giải thích vì sao chậm."
    /// Same field, different matter.
    static let otherMatter =
        "Thủ tục tách thửa đất ở xã Phước Vĩnh đòi diện tích tối thiểu quá lớn. Gia đình tôi muốn tách một phần thửa đất để tặng "
        + "cho con nhưng bị từ chối vì diện tích sau khi tách nhỏ hơn mức quy định của tỉnh, đề nghị xem xét điều chỉnh quy định."
    /// Another field altogether.
    static let otherField =
        "Trường tiểu học thu nhiều khoản ngoài quy định đầu năm học như quỹ lớp, tiền mua máy lọc nước, tiền trang trí lớp học; "
        + "phụ huynh không đồng ý nhưng vẫn phải nộp. Đề nghị kiểm tra và chấn chỉnh việc thu chi."

    static func corpusWeights() -> TermWeights {
        var trainer = AssistModel.Trainer()
        for (text, agency) in [
            (original, "HCM"), (reworded, "HCM"), (otherMatter, "DNA"), (otherField, "BGDDT"),
            ("Chậm hoàn thuế giá trị gia tăng cho doanh nghiệp xuất khẩu, đề nghị giải quyết.", "BTC"),
            ("Đề nghị kiểm tra việc chậm trả kết quả hồ sơ tại bộ phận một cửa.", "HCM"),
        ] {
            trainer.add(TermBag(text: text), agency: agency, field: nil)
        }
        return trainer.finish().weights
    }

    @Test func termsAreFoldedSyllablesAndTheirPairs() {
        let bag = TermBag(text: "Sổ đỏ, SỔ ĐỎ")
        // so, do, so·do, do·so: "so" and "do" twice each, "so·do" twice, "do·so" once.
        #expect(bag.syllables.count == 2)
        #expect(bag.counts.count == 4)
        #expect(bag.counts.values.reduce(0, +) == 7)
        #expect(TermBag(text: "sổ đỏ") == TermBag(text: "so do"))
        #expect(TermBag(text: "  ").isEmpty)
    }

    @Test func theSameTextHasTheSameBandsAndEmptyTextNone() {
        let a = MinHash(TermBag(text: Self.original))
        #expect(a.bandKeys.count == MinHash.bands)
        #expect(a == MinHash(TermBag(text: Self.original.uppercased())))
        #expect(MinHash(TermBag(text: "")).bandKeys.isEmpty)
        #expect(a.jaccard(a) == 1)
    }

    @Test func bandsMeetForRewordingAndRarelyOtherwise() {
        let bands = { (text: String) in Set(MinHash(TermBag(text: text)).bandKeys) }
        #expect(!bands(Self.original).isDisjoint(with: bands(Self.reworded)))
        #expect(bands(Self.original).isDisjoint(with: bands(Self.otherField)))
    }

    @Test func theCosineRanksRewordingAboveAnotherMatter() {
        let weights = Self.corpusWeights()
        let score = { (a: String, b: String) in TermWeights.cosine(weights.vector(TermBag(text: a)), weights.vector(TermBag(text: b))) }
        #expect(abs(score(Self.original, Self.original) - 1) < 1e-9)
        let reworded = score(Self.original, Self.reworded)
        let other = score(Self.original, Self.otherMatter)
        #expect(reworded >= Likeness.duplicate, "reworded: \(reworded)")
        #expect(other < Likeness.duplicate, "another matter: \(other)")
        #expect(score(Self.original, Self.otherField) < Likeness.worthShowing)
    }

    @Test func aRepeatedComplaintNeedsTheSameSubmitterAndAnAnswer() {
        let code = TrackingCode(year: 2026, number: 1)
        let judge = { (score: Double, same: Bool, answered: Bool) in
            SimilarCase.judge(code: code, title: "", score: score, status: .answered, sameSubmitter: same, answered: answered)
        }
        #expect(judge(0.4, true, true)?.repeatedComplaint == true)
        #expect(judge(0.4, true, true)?.duplicate == false)
        #expect(judge(0.4, false, true)?.repeatedComplaint == false)
        #expect(judge(0.9, false, true)?.duplicate == true)
        #expect(judge(0.4, true, false)?.repeatedComplaint == false)
        #expect(judge(0.1, true, true) == nil)
        #expect(judge(0.1, false, false) == nil)
    }

    @Test func naiveBayesLearnsWhereWordsPoint() {
        var trainer = NaiveBayes.Trainer()
        for _ in 0..<3 {
            trainer.add(TermBag(text: "hoàn thuế giá trị gia tăng chậm"), label: "BTC")
            trainer.add(TermBag(text: "bảo hiểm xã hội một lần chậm chi trả"), label: "BTC")
            trainer.add(TermBag(text: "đăng kiểm xe ô tô, trạm thu phí BOT"), label: "BXD")
            trainer.add(TermBag(text: "hợp đồng lao động, tiền lương làm thêm giờ"), label: "BNV")
        }
        let model = trainer.finish { _ in true }
        let ranked = model.rank(TermBag(text: "Trạm thu phí BOT thu phí bất hợp lý"))
        #expect(ranked.first?.label == "BXD")
        #expect(abs(ranked.map(\.score).reduce(0, +) - 1) < 1e-9)
        #expect(model.rank(TermBag(text: "tiền lương làm thêm")).first?.label == "BNV")
        // Words it never saw leave the prior: BTC, which had most cases.
        #expect(model.rank(TermBag(text: "xyz")).first?.label == "BTC")
    }

    @Test func aModelSurvivesItsBytesAndDamagedBytesAreRefused() throws {
        var trainer = AssistModel.Trainer()
        trainer.add(TermBag(text: Self.original), agency: "HCM", field: "land")
        trainer.add(TermBag(text: Self.reworded), agency: "HCM", field: "land")
        trainer.add(TermBag(text: Self.otherField), agency: "BGDDT", field: "education-training")
        trainer.add(TermBag(text: Self.otherField), agency: "BGDDT", field: nil)
        let model = trainer.finish()
        let copy = try AssistModel(bytes: model.bytes)
        let probe = TermBag(text: Self.reworded)
        #expect(copy.suggest(probe) == model.suggest(probe))
        #expect(copy.weights.frequencies == model.weights.frequencies)
        #expect(copy.field.labels == ["land", "education-training"])
        var damaged = model.bytes
        damaged.removeLast(5)
        #expect(throws: (any Error).self) { try AssistModel(bytes: damaged) }
        #expect(throws: (any Error).self) { try AssistModel(bytes: [9, 9, 9, 9] + Array(model.bytes.dropFirst(4))) }
        // A count larger than the bytes left is refused before anything is reserved.
        #expect(throws: (any Error).self) { try AssistModel(bytes: [1, 0, 0, 0] + [UInt8](repeating: 0xFF, count: 16)) }
    }

    @Test func routingIsEvaluatedOnNewerCasesOnly() {
        let t0 = Date(timeIntervalSince1970: 1_780_000_000)
        var examples: [AssistEvaluation.Example] = []
        for i in 0..<20 {
            let (text, agency) = i % 2 == 0 ? ("thuế giá trị gia tăng hoàn thuế", "BTC") : ("đăng kiểm xe trạm thu phí", "BXD")
            examples.append(.init(terms: TermBag(text: text), agency: agency, field: nil, receivedAt: t0.addingTimeInterval(Double(i))))
        }
        let result = AssistEvaluation.routing(examples.reversed(), testShare: 0.25)
        #expect(result.trained == 15)
        #expect(result.agency.cases == 5)
        #expect(result.agency.top1 == 5)
        #expect(result.field.cases == 0)
    }
}
