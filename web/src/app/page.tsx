const HomePage = () => (
  <main>
    <h1>Iran–Syria Relations Quiz</h1>
    <p>Cited quizzes on the history of Iran–Syria relations, 1946–2025.</p>
  </main>
);

export default HomePage;
