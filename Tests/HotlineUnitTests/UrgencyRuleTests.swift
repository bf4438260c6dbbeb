import HotlineClassifier
import HotlineDomain
import Testing

@Suite("The labelling rules' last word on urgency")
struct UrgencyRuleTests {
    @Test("a consultation or a praise is general unless the model finds an emergency")
    func consultationAndPraise() {
        for type in [TicketType.consultation, .praise] {
            #expect(UrgencyRule.tier(predicted: .livelihood, cues: [.livelihood], type: type) == .general)
            #expect(UrgencyRule.tier(predicted: .complex, cues: [.complex], type: type) == .general)
            #expect(UrgencyRule.tier(predicted: .emergency, cues: [], type: type) == .emergency)
        }
    }

    @Test("an outage without danger is living support, not an emergency")
    func outageIsNotEmergency() {
        #expect(UrgencyRule.tier(predicted: .emergency, cues: [.livelihood], type: .complaint) == .livelihood)
        #expect(UrgencyRule.tier(predicted: .emergency, cues: [.livelihood, .emergency], type: .help) == .emergency)
        #expect(UrgencyRule.tier(predicted: .emergency, cues: [], type: .report) == .emergency)
    }

    @Test("a general prediction yields to living-support cues, then to complex ones")
    func cuesOverGeneral() {
        #expect(UrgencyRule.tier(predicted: .general, cues: [.livelihood], type: .complaint) == .livelihood)
        #expect(UrgencyRule.tier(predicted: .general, cues: [.complex], type: .complaint) == .complex)
        #expect(UrgencyRule.tier(predicted: .general, cues: [.complex, .livelihood], type: nil) == .livelihood)
        #expect(UrgencyRule.tier(predicted: .general, cues: [], type: .complaint) == .general)
        #expect(UrgencyRule.tier(predicted: .complex, cues: [.livelihood], type: .complaint) == .complex)
    }

    @Test("danger cues alone do not overturn a general prediction; with outage cues, living support")
    func dangerCuesLeftToTheModel() {
        #expect(UrgencyRule.tier(predicted: .general, cues: [.emergency], type: .complaint) == .general)
        #expect(UrgencyRule.tier(predicted: .general, cues: [.emergency, .complex], type: .report) == .complex)
        #expect(UrgencyRule.tier(predicted: .general, cues: [.emergency, .livelihood], type: .help) == .livelihood)
    }
}
