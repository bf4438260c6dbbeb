import Dispatch
import HotlineStorage
import HummingbirdBcrypt

/// Passwords hashed with bcrypt: slow on purpose (`cost` doubles the work per step), and
/// computed off the request threads so a sign-in does not hold up other requests.
public struct PasswordHashing: Sendable {
    /// bcrypt's cost: 2^cost rounds. 11 takes about 0.1–0.2 s on this platform's servers.
    public let cost: UInt8

    public init(cost: UInt8 = 11) {
        self.cost = cost
    }

    /// The bcrypt hash of `password`, with a fresh salt.
    public func hash(_ password: String) async -> String {
        await offRequestThreads { Bcrypt.hash(password, cost: cost) }
    }

    /// Whether `password` matches `hash`. Without a hash (an unknown user) the answer is no,
    /// after the same work as a wrong password, so the time taken names no user.
    public func verify(_ password: String, hash: String?) async -> Bool {
        await offRequestThreads { Bcrypt.verify(password, hash: hash ?? Self.decoy) && hash != nil }
    }

    /// The hash of a password nobody knows, made once.
    private static let decoy = Bcrypt.hash(RandomSecret.make(), cost: PasswordHashing().cost)

    private func offRequestThreads<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: work()) }
        }
    }
}
