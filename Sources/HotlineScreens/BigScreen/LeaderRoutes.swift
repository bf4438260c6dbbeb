import Hummingbird

/// The screens of the levels that supervise and lead: the supervision board, the big screen and
/// the assessment ranking.
enum LeaderRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        SupervisionBoardRoutes.add(to: screens, services)
        BigScreenRoutes.add(to: screens, services)
        AssessmentRoutes.add(to: screens, services)
    }
}
