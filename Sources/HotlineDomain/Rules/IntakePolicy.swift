public import Foundation

/// The intake rules a city sets: when a classification needs a person, and what counts as a
/// repeat or a group request.
public struct IntakePolicy: Sendable, Equatable {
    /// Leaf probability below which an operator reviews the classification.
    public var reviewThreshold: Double
    /// A request from the same caller on the same leaf and place within this time repeats an
    /// earlier one (重复反映).
    public var repeatWindow: TimeInterval
    /// This many requests on one leaf in one township within `groupWindow` form a group
    /// request (群体诉求).
    public var groupThreshold: Int
    public var groupWindow: TimeInterval

    public init(reviewThreshold: Double, repeatWindow: TimeInterval, groupThreshold: Int, groupWindow: TimeInterval) {
        self.reviewThreshold = reviewThreshold
        self.repeatWindow = repeatWindow
        self.groupThreshold = groupThreshold
        self.groupWindow = groupWindow
    }
}
