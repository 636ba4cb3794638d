/** A short list of the most-breached passwords; anything here is refused outright. */
export const commonPasswords = new Set([
  '123456', '123456789', '12345678', 'password', 'qwerty123', 'qwerty1', '111111', '12345', 'secret',
  '123123', '1234567890', '1234567', '000000', 'qwerty', 'abc123', 'password1', 'iloveyou', 'dragon',
  'monkey', 'letmein', 'welcome', 'admin', 'admin123', 'administrator', 'passw0rd', 'p@ssw0rd', 'p@ssword',
  'changeme', 'changeme123', 'password123', 'password1234', 'welcome123', 'welcome1', 'qwertyuiop',
  'football', 'baseball', 'sunshine', 'princess', 'trustno1', 'superman', 'master', 'shadow', 'login',
  'starwars', 'whatever', 'hello123', 'freedom', 'letmein123', 'zaq12wsx', '1q2w3e4r', '1q2w3e4r5t',
  '1qaz2wsx', 'q1w2e3r4', 'asdfghjkl', 'asdf1234', 'qazwsx', 'postgres', 'postgres123', 'root', 'toor',
  'default', 'guest', 'test1234', 'testtest', 'summer2024', 'winter2024', 'spring2025', 'autumn2025',
  'correcthorsebatterystaple', 'administrator1', 'adminadmin', 'posture', 'posture123', 'security',
  'security123', 'database', 'database123', 'changeit', 'Password1!', 'Password123!', 'Welcome1!',
]);
