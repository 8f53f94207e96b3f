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
        field
        code
        message
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
      errors {
        field
        code
        message
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

export const JoinAsGuestDocument = graphql(`
  mutation JoinAsGuest($nickname: String!) {
    joinAsGuest(nickname: $nickname) {
      errors {
        field
        code
        message
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
        field
        code
        message
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
