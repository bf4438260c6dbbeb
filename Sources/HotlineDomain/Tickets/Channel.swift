/// How a request reached the hotline.
public enum Channel: String, Codable, Sendable, CaseIterable {
    case phone
    case web
    case wechat
    case weibo
    /// The People's Daily leader message board.
    case leaderMessageBoard = "leader_message_board"
    /// The city's mobile app.
    case app
    /// A hotline merged into 12345 (12315 market regulation, 12320 health, ...).
    case mergedHotline = "merged_hotline"
    case media
    /// A grid worker who found the problem on patrol.
    case gridWorker = "grid_worker"
}
