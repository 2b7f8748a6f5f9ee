import Testing

@testable import LangNgheCore

/// Issue 14 §4: the channels a submitter chooses on the form or in the API.
@Suite struct NotifyChoiceTests {
    @Test func theChoiceIsKeptAndDefaultsToEmailWhenAnAddressIsGiven() {
        var draft = DomainTestIntake.individual()
        #expect(DomainTestIntake.accepted(draft)?.notifyBy == [.email])
        draft.notifyBy = ["sms", "email", ""]
        #expect(DomainTestIntake.accepted(draft)?.notifyBy == [.email, .sms])
        // None ticked on the form is a choice too.
        draft.notifyBy = []
        #expect(DomainTestIntake.accepted(draft)?.notifyBy == [])
        draft.notifyBy = nil
        draft.email = nil
        #expect(DomainTestIntake.accepted(draft)?.notifyBy == [])
    }

    @Test func emailWithoutAnAddressAndUnknownChannelsAreRefusedAtTheirField() {
        var draft = DomainTestIntake.individual()
        draft.email = ""
        draft.notifyBy = ["email"]
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.email", .required)])
        draft.notifyBy = ["fax"]
        #expect(DomainTestIntake.errors(draft) == [FieldError("notifyBy", .invalidChoice)])
        // A bad address is reported once, as a bad address.
        draft.email = "an@"
        draft.notifyBy = ["email"]
        #expect(DomainTestIntake.errors(draft) == [FieldError("submitter.email", .invalidEmail)])
    }
}
