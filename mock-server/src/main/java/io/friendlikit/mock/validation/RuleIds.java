package io.friendlikit.mock.validation;

/**
 * The rule ids carried in {@link Violation#rule()}. The table in the Javadoc of {@link RequestValidator}
 * names the spec section each one comes from.
 */
public final class RuleIds {
    public static final String VAL_REQUIRED = "VAL-REQUIRED";
    public static final String VAL_TYPE = "VAL-TYPE";
    public static final String VAL_NULL = "VAL-NULL";
    public static final String VAL_RANGE = "VAL-RANGE";
    public static final String VAL_ENUM = "VAL-ENUM";
    public static final String VAL_UNKNOWN_FIELD = "VAL-UNKNOWN-FIELD";
    public static final String VAL_MESSAGES = "VAL-MESSAGES";
    public static final String VAL_LOGIT_BIAS = "VAL-LOGIT-BIAS";
    public static final String MSG_ROLE = "MSG-ROLE";
    public static final String MSG_CONTENT = "MSG-CONTENT";
    public static final String MSG_ASSISTANT = "MSG-ASSISTANT";
    public static final String MSG_TOOL_ID = "MSG-TOOL-ID";
    public static final String TOOL_TYPE = "TOOL-TYPE";
    public static final String TOOL_NAME = "TOOL-NAME";
    public static final String TOOL_PARAMS = "TOOL-PARAMS";
    public static final String TOOL_COUNT = "TOOL-COUNT";
    public static final String TOOL_DUPLICATE = "TOOL-DUPLICATE";
    public static final String TOOLCHOICE_FORMAT = "TOOLCHOICE-FORMAT";
    public static final String TOOLCHOICE_UNDECLARED = "TOOLCHOICE-UNDECLARED";
    public static final String TOOLCHOICE_NO_TOOLS = "TOOLCHOICE-NO-TOOLS";
    public static final String RF_TYPE = "RF-TYPE";
    public static final String RF_SCHEMA = "RF-SCHEMA";
    public static final String RF_REGEX = "RF-REGEX";
    public static final String X_MINTOKENS_TOOLS = "X-MINTOKENS-TOOLS";
    public static final String X_MINTOKENS_RF = "X-MINTOKENS-RF";
    public static final String X_TOOLS_RF = "X-TOOLS-RF";
    public static final String X_STREAMOPTS = "X-STREAMOPTS";
    public static final String X_TOPLOGPROBS = "X-TOPLOGPROBS";
    public static final String X_SEED_N = "X-SEED-N";
    public static final String X_REASONING_EFFORT = "X-REASONING-EFFORT";

    private RuleIds() {
    }
}
