import Testing

@testable import HotlineStorage

@Suite("Outbox doorbell")
struct OutboxDoorbellTests {
    @Test("a ring while nobody waits is kept once: the next wait returns at once, the one after waits its time")
    func ringBeforeWaitIsKeptOnce() async {
        let doorbell = OutboxDoorbell()
        doorbell.ring()
        doorbell.ring()
        let clock = ContinuousClock()
        let kept = await clock.measure { await doorbell.wait(upTo: .seconds(3600)) }
        #expect(kept < .seconds(3600))
        let timeout = Duration.milliseconds(20)
        let unrung = await clock.measure { await doorbell.wait(upTo: timeout) }
        #expect(unrung >= timeout, "two rings are one: the second wait must run to its timeout")
    }

    @Test("a ring wakes the waiting relay long before its timeout", .timeLimit(.minutes(1)))
    func ringWakesTheWaiter() async {
        let doorbell = OutboxDoorbell()
        let waiter = Task { await doorbell.wait(upTo: .seconds(3600)) }
        while !doorbell.isWaited { await Task.yield() }
        doorbell.ring()
        await waiter.value
    }

    @Test("a wait cancelled by its task returns without a ring", .timeLimit(.minutes(1)))
    func cancelledWaitReturns() async {
        let doorbell = OutboxDoorbell()
        let waiter = Task { await doorbell.wait(upTo: .seconds(3600)) }
        waiter.cancel()
        await waiter.value
    }
}
