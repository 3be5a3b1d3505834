import { CredentialsSignin } from "next-auth";

/** A correct password for an account with two-factor sign-in: the form asks for a code with this challenge. */
export class TwoFactorRequired extends CredentialsSignin {
  code = "two_factor_required";
  constructor(readonly challenge: string) {
    super();
  }
}

/** The code step failed: a wrong code (`retry`), or a challenge that expired or ran out of tries. */
export class TwoFactorFailed extends CredentialsSignin {
  code = "two_factor_failed";
  constructor(readonly retry: boolean) {
    super();
  }
}
