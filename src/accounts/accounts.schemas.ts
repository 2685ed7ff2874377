import { Type, type Static } from 'typebox';
import { Text, Uuid } from '../shared/common.schemas.js';
import { ACTIVE_STATUSES, REGISTRANT_KINDS, USER_ROLES } from '../shared/enums.js';
import { LOCALES } from '../shared/locale.js';

export const ROLES = USER_ROLES;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['agency_admin', 'agency_officer'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** ASVS 2.1.1; the other rules are in password-policy.ts. */
export const PASSWORD_MIN_LENGTH = 12;

export const Role = Type.Enum(ROLES);
export const StaffRole = Type.Enum(STAFF_ROLES);
export const ActiveStatus = Type.Enum(ACTIVE_STATUSES);
export type ActiveStatus = Static<typeof ActiveStatus>;

/** Login names: letters, digits and . _ - ; stored lower-case. */
export const LoginName = Type.String({ minLength: 3, maxLength: 64, pattern: '^[A-Za-z0-9._-]+$' });

/**
 * Whether `name` (trimmed, lower-cased, as a login looks it up) could be a stored login name: every
 * account was created through LoginName. Others (`password-change:…`, the budget of password-change
 * guesses in login_attempts) must never reach the login throttle's account keys.
 */
export function couldBeLoginName(name: string): boolean {
  return /^[a-z0-9._-]{3,64}$/.test(name);
}
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: 200 });

export const LoginBody = Type.Object({ loginName: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
export type LoginBody = Static<typeof LoginBody>;

export const ChangePasswordBody = Type.Object({ currentPassword: Type.String({ minLength: 1, maxLength: 200 }), newPassword: Password }, { additionalProperties: false });
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const UserResponse = Type.Object({
  id: Uuid,
  loginName: Type.String(),
  displayName: Type.String(),
  email: Type.String(),
  role: Role,
  registrantId: Type.Union([Uuid, Type.Null()]),
  status: ActiveStatus,
  mustChangePassword: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type UserResponse = Static<typeof UserResponse>;

/** The language of my e-mails (the web app sends its language switch's choice). */
export const LocaleBody = Type.Object({ locale: Type.Enum(LOCALES) }, { additionalProperties: false });
export type LocaleBody = Static<typeof LocaleBody>;

export const MeResponse = Type.Object({
  user: UserResponse,
  registrant: Type.Union([
    Type.Object({
      id: Uuid,
      name: Type.String(),
      kind: Type.Enum(REGISTRANT_KINDS),
      isDemo: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});
export type MeResponse = Static<typeof MeResponse>;

export const CreateStaffUserBody = Type.Object(
  {
    loginName: LoginName,
    displayName: Text(100),
    email: Type.Optional(Type.String({ maxLength: 200, format: 'email' })),
    role: StaffRole,
    password: Password,
  },
  { additionalProperties: false },
);
export type CreateStaffUserBody = Static<typeof CreateStaffUserBody>;

export const CreateMemberUserBody = Type.Object(
  {
    loginName: LoginName,
    displayName: Text(100),
    email: Type.Optional(Type.String({ maxLength: 200, format: 'email' })),
    password: Password,
  },
  { additionalProperties: false },
);
export type CreateMemberUserBody = Static<typeof CreateMemberUserBody>;

export const UpdateUserBody = Type.Object(
  {
    displayName: Type.Optional(Text(100)),
    /** An address, or '' to remove it (as on a registrant). */
    email: Type.Optional(Type.Union([Type.String({ maxLength: 200, format: 'email' }), Type.Literal('')])),
    status: Type.Optional(ActiveStatus),
    /** Sets a new password for the user, who must change it at next login. */
    resetPassword: Type.Optional(Password),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserBody = Static<typeof UpdateUserBody>;

export const UserList = Type.Array(UserResponse);
