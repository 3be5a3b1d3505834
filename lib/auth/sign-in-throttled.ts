import { CredentialsSignin } from "next-auth";

/** A password sign-in refused by the throttle; Auth.js puts the code in the sign-in page's URL (`code=throttled`). */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
  constructor(readonly retryAfterS: number) {
    super();
  }
}
