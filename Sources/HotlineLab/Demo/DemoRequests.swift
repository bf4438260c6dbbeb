import HotlineDomain

/// A few requests as operators record them.
enum DemoRequests {
    /// Five requests, one per channel and type.
    static let all: [TicketRequest] = [
        TicketRequest(
            channel: .phone, type: .complaint, callerName: "张先生", callerPhone: "13800138000",
            placeText: "平谷区熊儿寨乡魏家湾村", text: "村口道路破损严重，还有塌陷，出门差点掉沟里。"),
        TicketRequest(
            channel: .wechat, type: .help, callerName: "李女士", callerPhone: "13900139000",
            placeText: "朝阳区望京街道", text: "小区停水一整天了，没有任何通知。", urgency: .livelihood),
        TicketRequest(channel: .web, type: .complaint, placeText: "海淀区中关村街道", text: "培训机构跑路，预付的学费退不回来。"),
        TicketRequest(
            channel: .phone, type: .report, callerPhone: "13700137000",
            placeText: "东城区东华门街道", text: "路口井盖丢失，有人掉下去的危险。", urgency: .emergency),
        TicketRequest(channel: .app, type: .suggestion, placeText: "西城区金融街街道", text: "建议在地铁口增加共享单车停放点。"),
    ]
}
