import { z } from "zod";
import { MIN_PASSWORD_LENGTH_VALUE } from "@/lib/validations/password";
import { PersonNameSchema } from "@/lib/validations/users";

/**
 * A new password: long enough, and not one character repeated or a plain run
 * like "1234567890" (fewer than five different characters).
 */
export const NewPasswordSchema = z
  .string({ error: "Enter a new password." })
  .min(MIN_PASSWORD_LENGTH_VALUE, `The new password must be at least ${MIN_PASSWORD_LENGTH_VALUE} characters.`)
  .max(200, "The new password is at most 200 characters.")
  .refine((value) => new Set(value).size >= 5, {
    message: "The new password needs at least 5 different characters.",
  });

/** Profile → Security: the current password proves it is the account's owner at the keyboard. */
export const ChangePasswordSchema = z
  .object({
    current_password: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(200),
    new_password: NewPasswordSchema,
  })
  .refine((v) => v.current_password !== v.new_password, {
    message: "The new password must differ from the current one.",
    path: ["new_password"],
  });
export type ChangePasswordInput = z.input<typeof ChangePasswordSchema>;

export const ForgotPasswordSchema = z.object({
  email: z.email("Enter a valid email address.").trim().toLowerCase(),
});
export type ForgotPasswordInput = z.input<typeof ForgotPasswordSchema>;

/** The forgot-password link's page: the token from the link and the new password. */
export const ResetPasswordWithTokenSchema = z.object({
  token: z.string().trim().min(1, "The reset link is incomplete.").max(100, "The reset link is not valid."),
  password: NewPasswordSchema,
});
export type ResetPasswordWithTokenInput = z.input<typeof ResetPasswordWithTokenSchema>;

/** A six-digit code from an authenticator app, or one recovery code (xxxxx-xxxxx). */
export const TwoFactorCodeSchema = z.object({
  code: z
    .string({ error: "Enter the code from your authenticator app." })
    .transform((v) => v.replace(/\s+/g, "").toLowerCase())
    .pipe(
      z
        .string()
        .regex(
          /^(\d{6}|[a-z0-9]{5}-?[a-z0-9]{5})$/,
          "Enter the 6-digit code from your authenticator app, or a recovery code.",
        ),
    ),
});
export type TwoFactorCodeInput = z.input<typeof TwoFactorCodeSchema>;

/** The second step of sign-in: the challenge from the password step and a code. */
export const TwoFactorSignInSchema = TwoFactorCodeSchema.extend({
  challenge: z.string().trim().min(20).max(100),
});
export type TwoFactorSignInInput = z.input<typeof TwoFactorSignInSchema>;

/** Turning two-factor sign-in off asks for the password again. */
export const DisableTwoFactorSchema = z.object({
  current_password: z.string({ error: "Enter your current password." }).min(1, "Enter your current password.").max(200),
});
export type DisableTwoFactorInput = z.input<typeof DisableTwoFactorSchema>;

export const UpdateProfileNameSchema = z.object({ name: PersonNameSchema });
export type UpdateProfileNameInput = z.input<typeof UpdateProfileNameSchema>;

/** Workspace settings: require two-factor sign-in of owners and admins. */
export const RequireTwoFactorSchema = z.object({
  require_two_factor: z.preprocess(
    (v) => (v === "on" || v === "true" ? true : v === "off" || v === "false" ? false : v),
    z.boolean({ error: "require_two_factor must be true or false" }),
  ),
});
export type RequireTwoFactorInput = z.input<typeof RequireTwoFactorSchema>;

/** Profile pictures: small images of the kinds every browser shows, told apart by their bytes. */
export const MAX_AVATAR_BYTES = 1024 * 1024;
export const AVATAR_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"] as const;

/** New recovery codes: proved with the password or a current code from the authenticator app. */
export const RegenerateRecoveryCodesSchema = z.object({
  password_or_code: z
    .string({ error: "Enter your password or a code from your authenticator app." })
    .min(1, "Enter your password or a code from your authenticator app.")
    .max(200, "The password is at most 200 characters."),
});
export type RegenerateRecoveryCodesInput = z.input<typeof RegenerateRecoveryCodesSchema>;
