@authentication
Feature: Authentication
  Serverless and dedicated chat completions need a bearer token in the Authorization header
  (docs/api-notes.md §2). A request without a usable token is refused before any generation.

  Background:
    Given a chat request

  @AUTH-01 @live-unverified
  Scenario: A request without an Authorization header is refused
    Given the request has no Authorization header
    When the request is sent
    Then the request is rejected with status 401

  @AUTH-02 @live-unverified
  Scenario: An empty bearer token is refused
    Given the request header "Authorization" is "Bearer "
    When the request is sent
    Then the request is rejected with status 401

  @AUTH-03 @live-unverified
  Scenario: A token without the Bearer scheme is refused
    Given the request header "Authorization" is "<token>"
    When the request is sent
    Then the request is rejected with status 401

  @AUTH-04 @live-unverified
  Scenario Outline: A scheme other than Bearer is refused
    Given the request header "Authorization" is "<scheme> <token>"
    When the request is sent
    Then the request is rejected with status 401

    Examples:
      | scheme |
      | Basic  |
      | Token  |
      | bearer-token |

  @AUTH-05
  Scenario: A valid token is accepted
    When the request is sent
    Then the request is accepted

  @AUTH-06 @live-unverified
  Scenario: A team the token does not belong to is refused
    Given the request names a team the token does not belong to
    When the request is sent
    Then the request is rejected with status 403
