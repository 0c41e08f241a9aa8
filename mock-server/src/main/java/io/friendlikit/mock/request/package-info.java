/**
 * The chat completions request as data: {@link io.friendlikit.mock.request.RequestFields} is the table of its
 * top-level fields (JSON name, kinds, nullability, range or enum, default, binding), and
 * {@link io.friendlikit.mock.request.RequestBinder} binds a validated body to a
 * {@link io.friendlikit.mock.wire.ChatRequest} row by row. The validator ({@code validation/}) checks the same rows.
 */
package io.friendlikit.mock.request;
