import Hummingbird

/// The screens of the levels that supervise and lead: the supervision board, the big screen, the
/// assessment ranking and the period reports.
enum LeaderRoutes {
    static func add(to screens: RouterGroup<ScreenRequestContext>, _ services: ScreenServices) {
        SupervisionBoardRoutes.add(to: screens, services)
        BigScreenRoutes.add(to: screens, services)
        AssessmentRoutes.add(to: screens, services)
        ReportScreenRoutes.add(to: screens, services)
    }
}
