package io.friendlikit.mock.engine.stages;

import io.friendlikit.mock.script.Fault;

/** Phase "before headers": an injected error answers instead of the endpoint, before even auth. */
final class InjectedError implements Stage {

    @Override
    public String name() {
        return "injected error";
    }

    @Override
    public Verdict run(ExchangeState state) {
        return state.firstFault(Fault.Phase.BEFORE_HEADERS)
                .flatMap(Fault::beforeHeaders)
                .map(Verdict::fail)
                .orElse(Verdict.CONTINUE);
    }
}
