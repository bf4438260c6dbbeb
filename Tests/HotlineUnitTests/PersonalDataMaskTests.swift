import HotlineDomain
import Testing

@Suite("Masks of callers' personal data")
struct PersonalDataMaskTests {
    @Test(
        "a name keeps its first character",
        arguments: [("张三丰", "张**"), ("李", "李*"), ("欧阳娜娜", "欧***"), (" 王五 ", "王*"), ("", "")])
    func name(raw: String, masked: String) {
        #expect(PersonalDataMask.name(raw) == masked)
    }

    @Test(
        "a mobile keeps its first 3 and last 4 digits, any other number its last 4",
        arguments: [
            ("13800138000", "138****8000"),
            ("138-0013-8000", "138-****-8000"),
            ("138 0013 8000", "138 **** 8000"),
            ("+86 13800138000", "+86 138****8000"),
            ("008613800138000", "0086138****8000"),
            ("010-12345678", "***-****5678"),
            ("(010)12345678", "(***)****5678"),
            ("01012345678", "*******5678"),
            ("12345678", "****5678"),
            ("2345678", "***5678"),
            ("0571-8765432", "****-***5432"),
            ("1234", "****"),
        ])
    func phone(raw: String, masked: String) {
        #expect(PersonalDataMask.phone(raw) == masked)
    }

    @Test(
        "phone numbers in free text are masked whatever their form",
        arguments: [
            ("电话13800138000请回电", "电话138****8000请回电"),
            ("手机：138-0013-8000。", "手机：138-****-8000。"),
            ("打138 0013 8000找我", "打138 **** 8000找我"),
            ("号码+86 13800138000", "号码+86 138****8000"),
            ("座机010-12345678转", "座机***-****5678转"),
            ("座机(010)12345678", "座机(***)****5678"),
            ("座机（010）12345678", "座机（***）****5678"),
            ("座机010 12345678", "座机*** ****5678"),
            ("座机01012345678", "座机*******5678"),
            ("分机010-12345678-801", "分机***-****5678-***"),
            ("家里电话12345678", "家里电话****5678"),
            ("家里电话2345678", "家里电话***5678"),
            ("打8765-4321", "打****-4321"),
            ("两个号13800138000 13900139000都打不通", "两个号138****8000 139****9000都打不通"),
            ("Call 13800138000.", "Call 138****8000."),
            ("(13800138000)", "(138****8000)"),
            ("13800138000-王先生", "138****8000-王先生"),
            ("身份证11010519491231002X", "身份证**************002X"),
            ("身份证110105194912310021，", "身份证**************0021，"),
        ])
    func phonesInText(raw: String, masked: String) {
        #expect(PersonalDataMask.text(raw, callerName: nil) == masked)
    }

    @Test(
        "numbers that are not personal stay as they are",
        arguments: [
            "工单20261122-000042已转派",
            "2026-11-22上午",
            "赔偿3000元",
            "5号楼3单元402室",
            "2019年起一直漏水",
            "目录RUR0101",
            "共12345678元",
            "温度36.5度",
            "ab1234567cd",
            "id 3f2a1b4c-1234-5678-9abc-123456789012",
            "第100次",
        ])
    func notPersonal(text: String) {
        #expect(PersonalDataMask.text(text, callerName: nil) == text)
    }

    @Test("the caller's name is masked wherever the text names it; a one-character name is left alone")
    func namesInText() {
        #expect(
            PersonalDataMask.text("我是张三丰，张三丰的电话13800138000", callerName: "张三丰") == "我是张**，张**的电话138****8000")
        #expect(PersonalDataMask.text("李家门口", callerName: "李") == "李家门口")
        #expect(PersonalDataMask.text("王先生来电", callerName: nil) == "王先生来电")
    }

    @Test("every string of a JSON value is masked, other values stay")
    func json() {
        let payload: JSONValue = .object([
            "note": .string("已联系张三丰13800138000"),
            "list": .array([.string("010-12345678"), .number(13_800_138_000), .bool(true), .null]),
            "number": .string("20261122-000042"),
        ])
        let masked: JSONValue = .object([
            "note": .string("已联系张**138****8000"),
            "list": .array([.string("***-****5678"), .number(13_800_138_000), .bool(true), .null]),
            "number": .string("20261122-000042"),
        ])
        #expect(PersonalDataMask.json(payload, callerName: "张三丰") == masked)
    }

    @Test("a masked text is masked again to itself")
    func idempotent() {
        let once = PersonalDataMask.text("张三丰 13800138000 010-12345678 11010519491231002X", callerName: "张三丰")
        #expect(PersonalDataMask.text(once, callerName: "张三丰") == once)
    }
}
