import { graphql } from '@/gql';

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      email
      user {
        id
        displayName
        role
        isGuest
      }
      classes {
        id
        name
      }
    }
  }
`);

export const SignInDocument = graphql(`
  mutation SignIn($input: SignInInput!) {
    signIn(input: $input) {
      errors {
        ...FieldErrorFields
      }
      viewer {
        user {
          id
          displayName
          role
        }
      }
    }
  }
`);

export const SignUpDocument = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      accepted
      errors {
        ...FieldErrorFields
      }
    }
  }
`);

export const JoinAsGuestDocument = graphql(`
  mutation JoinAsGuest($nickname: String!) {
    joinAsGuest(nickname: $nickname) {
      errors {
        ...FieldErrorFields
      }
      viewer {
        user {
          id
          displayName
          isGuest
        }
      }
    }
  }
`);

export const SignOutDocument = graphql(`
  mutation SignOut {
    signOut
  }
`);

export const JoinClassDocument = graphql(`
  mutation JoinClass($code: String!) {
    joinClass(code: $code) {
      errors {
        ...FieldErrorFields
      }
      class {
        id
        name
      }
    }
  }
`);

export const viewerKeys = {
  all: ['viewer'] as const,
  current: () => [...viewerKeys.all, 'current'] as const,
};
