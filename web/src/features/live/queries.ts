import { graphql } from '@/gql';

export const LiveGameStateFieldsDoc = graphql(`
  fragment LiveGameStateFields on LiveGameState {
    id
    pin
    title
    phase
    seq
    questionIndex
    questionCount
    locked
    paused
    hostConnected
    speedPoints
    showLeaderboard
    teamCount
    serverNow
    deadline
    remainingMs
    playerCount
    answerCount
    question {
      index
      type
      stem
      timeLimitSec
      prompt {
        ...PromptFields
      }
    }
    reveal {
      key {
        optionIds
        order
        pairs {
          itemId
          targetId
        }
        year
        answers
      }
      explanation
      citations {
        id
        quote
        locator
        sourceTitle
        url
      }
      distribution {
        optionId
        count
      }
      answerCount
      correctCount
    }
    leaderboard {
      rank
      nickname
      score
      correctCount
      team
    }
    teams {
      team
      score
      members
    }
  }
`);

export const LivePlayerViewFieldsDoc = graphql(`
  fragment LivePlayerViewFields on LivePlayerView {
    game {
      ...LiveGameStateFields
    }
    me {
      id
      nickname
      team
      score
      correctCount
      answerCount
      streak
      rank
      kicked
    }
    myAnswer {
      questionIndex
      receivedAt
      isCorrect
      points
      response {
        optionIds
        order
        pairs {
          itemId
          targetId
        }
        year
        text
      }
    }
  }
`);

export const LiveHostViewFieldsDoc = graphql(`
  fragment LiveHostViewFields on LiveHostView {
    game {
      ...LiveGameStateFields
    }
    players {
      id
      nickname
      team
      score
      correctCount
    }
  }
`);

export const CreateLiveGameDocument = graphql(`
  mutation CreateLiveGame($input: CreateLiveGameInput!) {
    createLiveGame(input: $input) {
      game {
        id
      }
    }
  }
`);

export const LiveCommandDocument = graphql(`
  mutation LiveCommand($gameId: ID!, $command: LiveCommand!, $seq: Int) {
    liveCommand(gameId: $gameId, command: $command, seq: $seq) {
      ...LiveHostViewFields
    }
  }
`);

export const KickLivePlayerDocument = graphql(`
  mutation KickLivePlayer($gameId: ID!, $playerId: ID!) {
    kickLivePlayer(gameId: $gameId, playerId: $playerId) {
      ...LiveHostViewFields
    }
  }
`);

export const LiveHostEventsDocument = graphql(`
  subscription LiveHostEvents($gameId: ID!) {
    liveHostEvents(gameId: $gameId) {
      ...LiveHostViewFields
    }
  }
`);

export const LivePlayerEventsDocument = graphql(`
  subscription LivePlayerEvents($token: String!) {
    livePlayerEvents(token: $token) {
      ...LivePlayerViewFields
    }
  }
`);

export const LiveLobbyDocument = graphql(`
  query LiveLobby($pin: String!) {
    liveLobby(pin: $pin) {
      gameId
      title
      phase
      locked
      suggestedNickname
    }
  }
`);

export const JoinLiveGameDocument = graphql(`
  mutation JoinLiveGame($pin: String!, $nickname: String) {
    joinLiveGame(pin: $pin, nickname: $nickname) {
      token
      view {
        game {
          id
        }
      }
    }
  }
`);

export const SubmitLiveAnswerDocument = graphql(`
  mutation SubmitLiveAnswer($token: String!, $questionIndex: Int!, $response: ResponseInput!) {
    submitLiveAnswer(token: $token, questionIndex: $questionIndex, response: $response) {
      accepted
      alreadyRecorded
      receivedAt
    }
  }
`);

export const LiveReportDocument = graphql(`
  query LiveReport($id: ID!) {
    liveReport(id: $id) {
      game {
        id
        title
        phase
        playerCount
        createdAt
        endedAt
      }
      questions {
        index
        stem
        type
        answerCount
        correctCount
        correctRate
        medianMs
        skipped
      }
      players {
        rank
        nickname
        team
        score
        correctCount
        answerCount
        bestStreak
        results
      }
    }
  }
`);

export const ExportLiveResultsDocument = graphql(`
  query ExportLiveResults($gameId: ID!, $format: ResultsFormat!) {
    exportLiveResults(gameId: $gameId, format: $format) {
      filename
      mimeType
      encoding
      content
    }
  }
`);
