import HotlineDomain
import Testing

@Suite("Gazetteer")
struct GazetteerTests {
    let reference = ReferenceFixtures.reference
    let gazetteer = ReferenceFixtures.reference.gazetteer

    @Test("16 districts and 343 townships of Beijing")
    func divisions() {
        #expect(reference.divisions.filter { $0.tier == .district }.count == 16)
        #expect(reference.divisions.filter { $0.tier == .township }.count == 343)
    }

    @Test(
        "official names, short forms and names inside addresses",
        arguments: [
            ("房山区窦店镇窦店村", "110111", "110111103"),
            ("窦店", "110111", "110111103"),
            ("将台", "110105", "110105023"),
            ("朝阳区望京街道阜荣街10号", "110105", "110105026"),
            ("望京SOHO附近", "110105", "110105026"),
            ("王府井大街", "110101", "110101001"),
        ])
    func recognises(location: String, district: String, township: String) {
        let place = gazetteer.resolve(location: location)
        #expect(place.districtCode == district)
        #expect(place.townshipCode == township)
    }

    @Test("a district prefix decides between townships of the same name")
    func districtDisambiguates() {
        #expect(gazetteer.resolve(location: "朝阳区八里庄街道").townshipCode == "110105015")
        #expect(gazetteer.resolve(location: "海淀区八里庄").townshipCode?.hasPrefix("110108") == true)
        let ambiguous = gazetteer.resolve(location: "八里庄")
        #expect(ambiguous.townshipCode == nil)
        #expect(ambiguous.districtCode == nil)
    }

    @Test("a district alone gives the district, not a township")
    func districtOnly() {
        let place = gazetteer.resolve(location: "海淀区某小区3号楼")
        #expect(place.districtCode == "110108")
        #expect(place.townshipCode == nil)
    }

    @Test("short forms that are common words are not taken as places")
    func ambiguousShortForms() {
        #expect(gazetteer.resolve(location: "光明小区门口").townshipCode == nil)
        #expect(gazetteer.resolve(location: "胜利路").townshipCode == nil)
    }

    @Test("the location decides; the text adds a township inside the location's district")
    func locationAndText() {
        #expect(gazetteer.resolve(location: "朝阳区", text: "望京这边路灯坏了").townshipCode == "110105026")
        #expect(gazetteer.resolve(location: "海淀区", text: "望京这边路灯坏了").townshipCode == nil)
        #expect(gazetteer.resolve(location: "", text: "窦店村口的路").townshipCode == "110111103")
    }
}
