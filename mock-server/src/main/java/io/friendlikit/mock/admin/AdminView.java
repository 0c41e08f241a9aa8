package io.friendlikit.mock.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Marks the records of admin bodies and answers: their members are camelCase (the wire's are snake_case) and absent
 * values are left out. The annotations are inherited by every implementing record.
 */
@JsonNaming(PropertyNamingStrategies.LowerCamelCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface AdminView {
}
