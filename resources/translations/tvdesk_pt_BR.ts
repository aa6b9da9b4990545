<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>AppController</name>
    <message>
        <source>The access token was refused. The call goes on; when it ends, tvdesk asks you to sign in again.</source>
        <translation>O token de acesso foi recusado. A ligação continua; quando ela terminar, o tvdesk vai pedir que você entre de novo.</translation>
    </message>
    <message>
        <source>The access token was refused: enter it again. The phone and your calls keep working meanwhile.</source>
        <translation>O token de acesso foi recusado: informe-o de novo. O telefone e suas ligações continuam funcionando enquanto isso.</translation>
    </message>
    <message>
        <source>Enter the token…</source>
        <translation>Informar o token…</translation>
    </message>
    <message>
        <source>Your saved history is shown meanwhile; tvdesk signs you in by itself as soon as it answers.</source>
        <translation>Enquanto isso, seu histórico salvo aparece aqui; o tvdesk entra sozinho assim que ela responder.</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Tentar agora</translation>
    </message>
    <message>
        <source>The new language applies the next time tvdesk starts.</source>
        <translation>O novo idioma vale a partir da próxima vez que o tvdesk for aberto.</translation>
    </message>
    <message>
        <source>End the call and quit?</source>
        <translation>Encerrar a ligação e sair?</translation>
    </message>
    <message>
        <source>A call is in progress. Quitting tvdesk ends it.</source>
        <translation>Há uma ligação em andamento. Sair do tvdesk vai encerrá-la.</translation>
    </message>
    <message>
        <source>End the call and sign out?</source>
        <translation>Encerrar a ligação e sair da conta?</translation>
    </message>
    <message>
        <source>A call is in progress. Signing out ends it.</source>
        <translation>Há uma ligação em andamento. Sair da conta vai encerrá-la.</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Try again</source>
        <translation>Tentar de novo</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
</context>
<context>
    <name>CallBackModel</name>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Last missed call</source>
        <translation>Última chamada perdida</translation>
    </message>
    <message>
        <source>Missed calls</source>
        <translation>Chamadas perdidas</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Tentativas</translation>
    </message>
    <message>
        <source>Last try</source>
        <translation>Última tentativa</translation>
    </message>
</context>
<context>
    <name>CallBackScreen</name>
    <message>
        <source>Numbers to call back</source>
        <translation>Números para retornar</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Retornar ligação</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Feito</translation>
    </message>
    <message>
        <source>Call this number back (Enter)</source>
        <translation>Retornar a ligação para este número (Enter)</translation>
    </message>
    <message>
        <source>Take it off the list without calling</source>
        <translation>Tirar da lista sem ligar</translation>
    </message>
    <message>
        <source>Nobody to call back: every missed call of the last days has been dealt with.</source>
        <translation>Ninguém para retornar: todas as chamadas perdidas dos últimos dias foram tratadas.</translation>
    </message>
</context>
<context>
    <name>CallLogModel</name>
    <message>
        <source>Private number</source>
        <translation>Número privado</translation>
    </message>
    <message>
        <source>Has a recording</source>
        <translation>Tem gravação</translation>
    </message>
    <message>
        <source>Recordings are kept by the phone system for received calls</source>
        <translation>O sistema de telefonia guarda gravações das chamadas recebidas</translation>
    </message>
    <message>
        <source>No recording</source>
        <translation>Sem gravação</translation>
    </message>
    <message>
        <source>Made: {how}</source>
        <translation>Feita: {how}</translation>
    </message>
    <message>
        <source>Rang on this phone (not in the phone system&apos;s report yet)</source>
        <translation>Tocou neste telefone (ainda não está no relatório do sistema de telefonia)</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Data e hora</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Gravação</translation>
    </message>
</context>
<context>
    <name>CallLogScreen</name>
    <message>
        <source>Search a number…</source>
        <translation>Buscar um número…</translation>
    </message>
    <message>
        <source>Search calls by number</source>
        <translation>Buscar chamadas pelo número</translation>
    </message>
    <message>
        <source>Which calls</source>
        <translation>Quais chamadas</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebidas</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Feitas</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Received, made, or both</source>
        <translation>Recebidas, feitas, ou as duas</translation>
    </message>
    <message>
        <source>All calls</source>
        <translation>Todas</translation>
    </message>
    <message>
        <source>Only the calls with this result</source>
        <translation>Só as chamadas com este resultado</translation>
    </message>
    <message>
        <source>Any result</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Retornar ligação</translation>
    </message>
    <message>
        <source>Play recording</source>
        <translation>Ouvir gravação</translation>
    </message>
    <message>
        <source>Open recording in my player</source>
        <translation>Abrir a gravação no meu player</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Export the calls shown as CSV…</source>
        <translation>Exportar as chamadas mostradas em CSV…</translation>
    </message>
    <message>
        <source>Call log</source>
        <translation>Registro de chamadas</translation>
    </message>
    <message>
        <source>No calls in this period.</source>
        <translation>Nenhuma chamada neste período.</translation>
    </message>
    <message>
        <source>This caller withheld the number: it cannot be called back.</source>
        <translation>Quem ligou ocultou o número: não é possível retornar a ligação.</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s)</source>
        <translation>
            <numerusform>%n chamada</numerusform>
            <numerusform>%n chamadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n received</source>
        <translation>
            <numerusform>%n recebida</numerusform>
            <numerusform>%n recebidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n answered</source>
        <translation>
            <numerusform>%n atendida</numerusform>
            <numerusform>%n atendidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n made</source>
        <translation>
            <numerusform>%n feita</numerusform>
            <numerusform>%n feitas</numerusform>
        </translation>
    </message>
    <message>
        <source>talk time {talk}</source>
        <translation>tempo falado {talk}</translation>
    </message>
    <message>
        <source>Numbers containing {digits}, from all your stored history</source>
        <translation>Números que contêm {digits}, de todo o seu histórico guardado</translation>
    </message>
    <message>
        <source>No call with this number in your stored history.</source>
        <translation>Nenhuma chamada com este número no seu histórico guardado.</translation>
    </message>
    <message>
        <source>Recordings cannot be played inside tvdesk on this system; opening it in your player.</source>
        <translation>Neste sistema o tvdesk não consegue tocar gravações; abrindo no seu reprodutor.</translation>
    </message>
    <message>
        <source>The recording could not be played: {error}</source>
        <translation>Não foi possível tocar a gravação: {error}</translation>
    </message>
    <message>
        <source>This computer has no sound output (speakers or headset): the recording plays without sound. Connect one, or use Open recording.</source>
        <translation>Este computador não tem saída de som (alto-falantes ou fone): a gravação toca sem som. Conecte um, ou use Abrir gravação.</translation>
    </message>
    <message>
        <source>Export calls</source>
        <translation>Exportar chamadas</translation>
    </message>
    <message>
        <source>calls.csv</source>
        <translation>chamadas.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Chamada</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Número</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Segundos</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preço</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Gravação</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sim</translation>
    </message>
    <message>
        <source>no</source>
        <translation>não</translation>
    </message>
    <message>
        <source>private</source>
        <translation>privado</translation>
    </message>
    <message>
        <source>received</source>
        <translation>recebida</translation>
    </message>
    <message>
        <source>made</source>
        <translation>feita</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>Não foi possível salvar {path}: {error}</translation>
    </message>
    <message numerus="yes">
        <source>%n call(s) exported to {path}.</source>
        <translation>
            <numerusform>%n chamada exportada para {path}.</numerusform>
            <numerusform>%n chamadas exportadas para {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Dialer</name>
    <message>
        <source>Type a number to dial.</source>
        <translation>Digite um número para discar.</translation>
    </message>
    <message>
        <source>“{text}” is not a phone number or an extension. Use a number with area code, e.g. (48) 99999-9999, or a 3-4 digit extension.</source>
        <translation>“{text}” não é um número de telefone nem um ramal. Use um número com DDD, por exemplo (48) 99999-9999, ou um ramal de 3 ou 4 dígitos.</translation>
    </message>
    <message>
        <source>Dialing {number}…</source>
        <translation>Discando para {number}…</translation>
    </message>
    <message>
        <source>Tone {digits} sent</source>
        <translation>Tom {digits} enviado</translation>
    </message>
    <message>
        <source>The copied text has no phone number or extension.</source>
        <translation>O texto copiado não tem número de telefone nem ramal.</translation>
    </message>
    <message>
        <source>Dial the copied number</source>
        <translation>Discar o número copiado</translation>
    </message>
    <message>
        <source>Dial {number}?</source>
        <translation>Discar para {number}?</translation>
    </message>
</context>
<context>
    <name>ExtensionCard</name>
    <message>
        <source>External calls</source>
        <extracomment>the phone state&apos;s room under the number: fixed, so that the card never moves or grows when the text changes; &quot;In a call with (48) 99999-1111 · 12:34 · muted · recording&quot; and a pause beside it take three lines of it (the room the number and the details leave)</extracomment>
        <translation>Ligações externas</translation>
    </message>
    <message>
        <source>Mobile calls</source>
        <translation>Ligações para celular</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Gravação</translation>
    </message>
    <message>
        <source>Access to recordings</source>
        <translation>Acesso às gravações</translation>
    </message>
    <message>
        <source>Webphone</source>
        <translation>Webphone</translation>
    </message>
    <message>
        <source>Voicemail</source>
        <translation>Caixa postal</translation>
    </message>
    <message>
        <source>Extension password</source>
        <translation>Senha do ramal</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>Login:</translation>
    </message>
    <message>
        <source>Caller ID:</source>
        <translation>Bina:</translation>
    </message>
    <message>
        <source>IVR:</source>
        <translation>URA:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Senha:</translation>
    </message>
    <message>
        <source>Extension {number}</source>
        <translation>Ramal {number}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>não definida</translation>
    </message>
    <message>
        <source>none</source>
        <translation>nenhuma</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ocultar</translation>
    </message>
</context>
<context>
    <name>ExtensionsModel</name>
    <message>
        <source>Extension</source>
        <translation>Ramal</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation>Bina</translation>
    </message>
    <message>
        <source>Webphone</source>
        <translation>Webphone</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Gravação</translation>
    </message>
    <message>
        <source>External</source>
        <translation>Externas</translation>
    </message>
</context>
<context>
    <name>FloatingWindow</name>
    <message>
        <source>Always on top</source>
        <translation>Sempre visível</translation>
    </message>
    <message>
        <source>Webphone</source>
        <translation>Webphone</translation>
    </message>
</context>
<context>
    <name>Formatting</name>
    <message>
        <source>Answered</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Não atendida</translation>
    </message>
    <message>
        <source>Busy</source>
        <translation>Ocupado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Falha</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Cancelada</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Recusada</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebida</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Feita</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Não atendida</translation>
    </message>
    <message>
        <source>dial box</source>
        <translation>campo de discagem</translation>
    </message>
    <message>
        <source>call back</source>
        <translation>retorno</translation>
    </message>
    <message>
        <source>copied number</source>
        <translation>número copiado</translation>
    </message>
    <message>
        <source>link</source>
        <translation>link</translation>
    </message>
    <message>
        <source>command line</source>
        <translation>linha de comando</translation>
    </message>
    <message>
        <source>phone keypad</source>
        <translation>teclado do telefone</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>Offline: showing your history as of {time}.</source>
        <translation>Sem conexão: mostrando seu histórico de {time}.</translation>
    </message>
    <message>
        <source>Not complete: {days}.</source>
        <translation>Incompleto: {days}.</translation>
    </message>
    <message>
        <source>tvdesk keeps trying.</source>
        <translation>O tvdesk continua tentando.</translation>
    </message>
    <message>
        <source>Try now</source>
        <translation>Tentar agora</translation>
    </message>
    <message>
        <source>Your call history on this computer could not be read. It was set aside and is being rebuilt from the phone system.</source>
        <translation>O histórico de chamadas neste computador não pôde ser lido. Ele foi guardado à parte e está sendo refeito a partir da central.</translation>
    </message>
    <message>
        <source>Updated at {time}</source>
        <translation>Atualizado às {time}</translation>
    </message>
    <message>
        <source>Not updated</source>
        <translation>Não atualizado</translation>
    </message>
    <message>
        <source>Loading cancelled</source>
        <translation>Carregamento cancelado</translation>
    </message>
    <message>
        <source>Loading was cancelled: the list is as it was before.</source>
        <translation>O carregamento foi cancelado: a lista continua como estava.</translation>
    </message>
    <message>
        <source>Loading was cancelled: the list shows only what had arrived.</source>
        <translation>O carregamento foi cancelado: a lista mostra só o que já tinha chegado.</translation>
    </message>
    <message>
        <source>Forget my history</source>
        <translation>Esquecer meu histórico</translation>
    </message>
    <message>
        <source>Delete the call history kept on this computer: the calls you made, the list to call back and the stored reports? The phone system&apos;s own reports are not touched.</source>
        <translation>Apagar o histórico de chamadas guardado neste computador: as ligações que você fez, a lista a retornar e os relatórios guardados? Os relatórios da própria central não são afetados.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Esquecer</translation>
    </message>
    <message>
        <source>Your call history on this computer was forgotten.</source>
        <translation>O histórico de chamadas deste computador foi esquecido.</translation>
    </message>
</context>
<context>
    <name>IncomingCallBanner</name>
    <message>
        <source>Answer</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Recusar</translation>
    </message>
    <message>
        <source>Call back</source>
        <translation>Retornar ligação</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Fechar</translation>
    </message>
    <message>
        <source>Private number</source>
        <translation>Número privado</translation>
    </message>
    <message>
        <source>Call arriving from {number}</source>
        <translation>Recebendo chamada de {number}</translation>
    </message>
    <message>
        <source>Missed call from {number} at {time}</source>
        <translation>Chamada perdida de {number} às {time}</translation>
    </message>
    <message>
        <source>({count} missed calls)</source>
        <translation>({count} chamadas perdidas)</translation>
    </message>
    <message>
        <source>No earlier calls with this number.</source>
        <translation>Nenhuma ligação anterior com este número.</translation>
    </message>
    <message>
        <source>you called; answered</source>
        <translation>você ligou; atendida</translation>
    </message>
    <message>
        <source>you called; not answered</source>
        <translation>você ligou; não atendida</translation>
    </message>
    <message numerus="yes">
        <source>%n earlier call(s) with this number; the last on {when} ({what}).</source>
        <translation>
            <numerusform>%n ligação anterior com este número; a última em {when} ({what}).</numerusform>
            <numerusform>%n ligações anteriores com este número; a última em {when} ({what}).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Instance</name>
    <message>
        <source>is a link or a file, not a folder of its own</source>
        <translation>é um atalho ou um arquivo, não uma pasta própria</translation>
    </message>
    <message>
        <source>belongs to another user</source>
        <translation>pertence a outro usuário</translation>
    </message>
    <message>
        <source>is open to other users</source>
        <translation>está aberta a outros usuários</translation>
    </message>
    <message>
        <source>is served by another user&apos;s program</source>
        <translation>é atendido por um programa de outro usuário</translation>
    </message>
    <message>
        <source>tvdesk will not start: {path} {problem}, so another user of this computer could see the numbers you dial. Remove it (or ask your administrator) and start tvdesk again.</source>
        <translation>O tvdesk não vai iniciar: {path} {problem}, então outro usuário deste computador poderia ver os números que você disca. Remova-o (ou peça ao administrador) e inicie o tvdesk de novo.</translation>
    </message>
    <message>
        <source>Another tvdesk holds this computer&apos;s tvdesk lock but does not answer. Wait a moment and try again; if it keeps happening, close the other tvdesk.</source>
        <translation>Outro tvdesk detém o bloqueio do tvdesk neste computador, mas não responde. Aguarde um momento e tente de novo; se continuar acontecendo, feche o outro tvdesk.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Connecting to TotalVoice…</source>
        <translation>Conectando à TotalVoice…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Reload the period (F5)</source>
        <translation>Recarregar o período (F5)</translation>
    </message>
    <message>
        <source>Number or extension to dial (Ctrl+D)</source>
        <translation>Número ou ramal para discar (Ctrl+D)</translation>
    </message>
    <message>
        <source>Number or extension to dial</source>
        <translation>Número ou ramal para discar</translation>
    </message>
    <message>
        <source>Dial</source>
        <translation>Discar</translation>
    </message>
    <message>
        <source>Pause history</source>
        <translation>Histórico de pausas</translation>
    </message>
    <message>
        <source>page %v of %m</source>
        <translation>página %v de %m</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop loading (Esc)</source>
        <translation>Parar de carregar (Esc)</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <source>To call back</source>
        <translation>A retornar</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>Meu dia</translation>
    </message>
    <message>
        <source>Saved history: connecting…</source>
        <translation>Histórico salvo: conectando…</translation>
    </message>
    <message numerus="yes">
        <source>To call back (%n)</source>
        <translation>
            <numerusform>A retornar (%n)</numerusform>
            <numerusform>A retornar (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Call back the selected call</source>
        <translation>Retornar a ligação selecionada</translation>
    </message>
    <message>
        <source>Enter</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Tones during a call</source>
        <translation>Tons durante uma ligação</translation>
    </message>
    <message>
        <source>digits in the dial box</source>
        <translation>dígitos na caixa de discagem</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>About tvdesk</source>
        <translation>Sobre o tvdesk</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Carregando…</translation>
    </message>
    <message>
        <source>Extension {number}</source>
        <translation>Ramal {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n missed</source>
        <translation>
            <numerusform>%n perdida</numerusform>
            <numerusform>%n perdidas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n to call back</source>
        <translation>
            <numerusform>%n a retornar</numerusform>
            <numerusform>%n a retornar</numerusform>
        </translation>
    </message>
    <message>
        <source>Extensions (supervisor)</source>
        <translation>Ramais (supervisor)</translation>
    </message>
    <message>
        <source>tvdesk {version}
The desktop for TotalVoice (Zenvia Voice) call-center agents.</source>
        <translation>tvdesk {version}
O aplicativo de mesa para atendentes de call center da TotalVoice (Zenvia Voice).</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>That is not an access token: a token has only letters, digits and punctuation, without spaces or accents. Copy it again from the TotalVoice panel (Minha conta → Token).</source>
        <translation>Isso não é um token de acesso: um token tem só letras, dígitos e pontuação, sem espaços nem acentos. Copie-o de novo do painel da TotalVoice (Minha conta → Token).</translation>
    </message>
    <message>
        <source>The API address must be the server&apos;s address only, without &quot;?&quot; or &quot;#&quot; parts (e.g. https://voice-api.zenvia.com).</source>
        <translation>O endereço da API deve ser só o endereço do servidor, sem partes &quot;?&quot; ou &quot;#&quot; (por exemplo, https://voice-api.zenvia.com).</translation>
    </message>
    <message>
        <source>The API address must start with https:// (or http://).</source>
        <translation>O endereço da API deve começar com https:// (ou http://).</translation>
    </message>
    <message>
        <source>Extension {number} does not exist in this account. Check the number, or pick your extension from the list.</source>
        <translation>O ramal {number} não existe nesta conta. Confira o número ou escolha o seu ramal na lista.</translation>
    </message>
    <message>
        <source>The access token was refused. Copy it again from the TotalVoice panel (Minha conta → Token) and sign in again.</source>
        <translation>O token de acesso foi recusado. Copie-o de novo no painel da TotalVoice (Minha conta → Token) e entre novamente.</translation>
    </message>
    <message>
        <source>The account has no balance. Ask the account owner to add credit.</source>
        <translation>A conta está sem saldo. Peça ao responsável pela conta para adicionar créditos.</translation>
    </message>
    <message>
        <source>This account may not use this feature (trial accounts cannot use the phone system API). Ask the account owner to enable it.</source>
        <translation>Esta conta não tem permissão para este recurso (contas de teste não podem usar a API da central telefônica). Peça ao responsável pela conta para liberar.</translation>
    </message>
    <message>
        <source>The server is receiving too many requests. Wait a moment and try again.</source>
        <translation>O servidor está recebendo requisições demais. Aguarde um momento e tente de novo.</translation>
    </message>
    <message>
        <source>The TotalVoice server had a problem (error {status}). Try again in a moment.</source>
        <translation>O servidor da TotalVoice teve um problema (erro {status}). Tente de novo em instantes.</translation>
    </message>
    <message>
        <source>The server sent an answer tvdesk could not read. Try again; if it persists, check the API address.</source>
        <translation>O servidor enviou uma resposta que o tvdesk não conseguiu ler. Tente de novo; se continuar, confira o endereço da API.</translation>
    </message>
    <message>
        <source>The server refused the request: {message}</source>
        <translation>O servidor recusou o pedido: {message}</translation>
    </message>
    <message>
        <source>invalid parameter</source>
        <translation>parâmetro inválido</translation>
    </message>
    <message>
        <source>Not found on the server: {message}</source>
        <translation>Não encontrado no servidor: {message}</translation>
    </message>
    <message>
        <source>unknown item</source>
        <translation>item desconhecido</translation>
    </message>
    <message>
        <source>The system&apos;s keyring is locked, so the remembered token cannot be read or saved. Unlock it (your desktop asks for your login password) and try again.</source>
        <translation>O chaveiro do sistema está bloqueado, então o token lembrado não pode ser lido nem salvo. Desbloqueie-o (a área de trabalho pede a sua senha de login) e tente de novo.</translation>
    </message>
    <message>
        <source>This system has no password keyring, so the token cannot be remembered. It will be used for this session only.</source>
        <translation>Este sistema não tem um chaveiro de senhas, então o token não pode ser lembrado. Ele será usado só nesta sessão.</translation>
    </message>
    <message>
        <source>Unexpected answer from the server. Try again.</source>
        <translation>Resposta inesperada do servidor. Tente de novo.</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Algo deu errado: {error}</translation>
    </message>
    <message>
        <source>The server took too long to answer. Check the connection and try again.</source>
        <translation>O servidor demorou demais para responder. Confira a conexão e tente de novo.</translation>
    </message>
    <message>
        <source>A secure connection to {host} could not be made. Check the date and time of this computer and the API address.</source>
        <translation>Não foi possível abrir uma conexão segura com {host}. Confira a data e a hora deste computador e o endereço da API.</translation>
    </message>
    <message>
        <source>The address {host} could not be found. Check the internet connection and the API address.</source>
        <translation>O endereço {host} não foi encontrado. Confira a conexão com a internet e o endereço da API.</translation>
    </message>
    <message>
        <source>Could not reach {host}. Check the internet connection and try again.</source>
        <translation>Não foi possível falar com {host}. Confira a conexão com a internet e tente de novo.</translation>
    </message>
    <message>
        <source>Offline: tvdesk cannot reach the phone system ({host}).</source>
        <translation>Sem conexão: o tvdesk não alcança a central telefônica ({host}).</translation>
    </message>
    <message>
        <source>The phone system has a problem (error {status}).</source>
        <translation>A central telefônica está com um problema (erro {status}).</translation>
    </message>
    <message>
        <source>The phone system is too busy to answer.</source>
        <translation>A central telefônica está ocupada demais para responder.</translation>
    </message>
    <message>
        <source>The phone system sent an answer tvdesk could not read.</source>
        <translation>A central telefônica enviou uma resposta que o tvdesk não conseguiu ler.</translation>
    </message>
    <message>
        <source>The phone system is not answering.</source>
        <translation>A central telefônica não está respondendo.</translation>
    </message>
</context>
<context>
    <name>MyDayScreen</name>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Save these figures for a spreadsheet</source>
        <translation>Salvar estes números para uma planilha</translation>
    </message>
    <message>
        <source>Calls received</source>
        <translation>Chamadas recebidas</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Atendidas</translation>
    </message>
    <message>
        <source>Not answered</source>
        <translation>Não atendidas</translation>
    </message>
    <message>
        <source>Answer rate</source>
        <translation>Taxa de atendimento</translation>
    </message>
    <message>
        <source>Talk time</source>
        <translation>Tempo falado</translation>
    </message>
    <message>
        <source>Average talk</source>
        <translation>Tempo médio</translation>
    </message>
    <message>
        <source>Calls made</source>
        <translation>Chamadas feitas</translation>
    </message>
    <message>
        <source>Pause time</source>
        <translation>Tempo em pausa</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>Meu dia</translation>
    </message>
    <message>
        <source>My day: today, {day}</source>
        <translation>Meu dia: hoje, {day}</translation>
    </message>
    <message>
        <source>My day: {day}</source>
        <translation>Meu dia: {day}</translation>
    </message>
    <message>
        <source>My figures: {first} to {last}</source>
        <translation>Meus números: {first} a {last}</translation>
    </message>
    <message>
        <source>No pauses.</source>
        <translation>Nenhuma pausa.</translation>
    </message>
    <message>
        <source>Pause time by reason</source>
        <translation>Tempo em pausa por motivo</translation>
    </message>
    <message>
        <source>Calls per hour</source>
        <translation>Chamadas por hora</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Recebidas</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Feitas</translation>
    </message>
    <message>
        <source>Export my figures</source>
        <translation>Exportar meus números</translation>
    </message>
    <message>
        <source>my-day.csv</source>
        <translation>meu-dia.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Arquivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>De</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Até</translation>
    </message>
    <message>
        <source>Answer rate (%)</source>
        <translation>Taxa de atendimento (%)</translation>
    </message>
    <message>
        <source>Calls made and answered</source>
        <translation>Chamadas feitas e atendidas</translation>
    </message>
    <message>
        <source>Pauses</source>
        <translation>Pausas</translation>
    </message>
    <message>
        <source>Pause time: {reason}</source>
        <translation>Tempo em pausa: {reason}</translation>
    </message>
    <message>
        <source>Received {hour:02d}h–{next:02d}h</source>
        <translation>Recebidas {hour:02d}h–{next:02d}h</translation>
    </message>
    <message>
        <source>Made {hour:02d}h–{next:02d}h</source>
        <translation>Feitas {hour:02d}h–{next:02d}h</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>Indicador</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Could not save {path}: {error}</source>
        <translation>Não foi possível salvar {path}: {error}</translation>
    </message>
    <message>
        <source>Figures exported to {path}.</source>
        <translation>Números exportados para {path}.</translation>
    </message>
</context>
<context>
    <name>PauseReasonDialog</name>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Reason for the pause</source>
        <translation>Motivo da pausa</translation>
    </message>
    <message>
        <source>Why are you pausing?</source>
        <translation>Por que você está pausando?</translation>
    </message>
    <message>
        <source>Another reason (this time only)</source>
        <translation>Outro motivo (só desta vez)</translation>
    </message>
    <message>
        <source>Another reason</source>
        <translation>Outro motivo</translation>
    </message>
</context>
<context>
    <name>PauseReasons</name>
    <message>
        <source>Lunch</source>
        <translation>Almoço</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Treinamento</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Feedback</translation>
    </message>
    <message>
        <source>Restroom</source>
        <translation>Banheiro</translation>
    </message>
</context>
<context>
    <name>PausesModel</name>
    <message>
        <source>ongoing</source>
        <translation>em andamento</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Sem motivo informado</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Início</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Fim</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duração</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Paused elsewhere (the phone system&apos;s own pause)</source>
        <translation>Pausa feita fora do tvdesk (a pausa do próprio sistema de telefonia)</translation>
    </message>
</context>
<context>
    <name>PausesScreen</name>
    <message>
        <source>Pauses</source>
        <extracomment>the reasons&apos; colours in the chart (no reason: grey)</extracomment>
        <translation>Pausas</translation>
    </message>
    <message>
        <source>No pauses loaded.</source>
        <translation>Nenhuma pausa carregada.</translation>
    </message>
    <message numerus="yes">
        <source>%n pause(s) · total pause time {total}</source>
        <translation>
            <numerusform>%n pausa · tempo total de pausa {total}</numerusform>
            <numerusform>%n pausas · tempo total de pausa {total}</numerusform>
        </translation>
    </message>
    <message>
        <source>Pause time per day (minutes)</source>
        <translation>Tempo em pausa por dia (minutos)</translation>
    </message>
</context>
<context>
    <name>Phone</name>
    <message>
        <source>Incoming call from {number}</source>
        <translation>Recebendo chamada de {number}</translation>
    </message>
    <message>
        <source>Calling {number}…</source>
        <translation>Ligando para {number}…</translation>
    </message>
    <message>
        <source>In a call with {number} · {time}</source>
        <translation>Em ligação com {number} · {time}</translation>
    </message>
    <message>
        <source>muted</source>
        <translation>mudo</translation>
    </message>
    <message>
        <source>recording</source>
        <translation>gravando</translation>
    </message>
    <message>
        <source>Webphone off</source>
        <translation>Webphone desligado</translation>
    </message>
    <message>
        <source>Webphone connecting…</source>
        <translation>Webphone conectando…</translation>
    </message>
    <message>
        <source>Webphone ready</source>
        <translation>Webphone pronto</translation>
    </message>
    <message>
        <source>Webphone disconnected</source>
        <translation>Webphone desconectado</translation>
    </message>
    <message>
        <source>Webphone error</source>
        <translation>Erro no webphone</translation>
    </message>
    <message>
        <source>Paused for {time}</source>
        <translation>Em pausa há {time}</translation>
    </message>
</context>
<context>
    <name>PhoneControls</name>
    <message>
        <source>Number or extension</source>
        <extracomment>the record button while the call is recorded: it stands out (the native &quot;checked&quot; look is a shade darker, and was not seen), with the same height as unchecked</extracomment>
        <translation>Número ou ramal</translation>
    </message>
    <message>
        <source>Number or extension to dial</source>
        <translation>Número ou ramal para discar</translation>
    </message>
    <message>
        <source>Type the queue number.</source>
        <translation>Digite o número da fila.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Ligar</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mudo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Gravar</translation>
    </message>
    <message>
        <source>Transfer to…</source>
        <translation>Transferir para…</translation>
    </message>
    <message>
        <source>Number or extension to transfer to</source>
        <translation>Número ou ramal para transferir</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>Transferir</translation>
    </message>
    <message>
        <source>Consult</source>
        <translation>Consultar</translation>
    </message>
    <message>
        <source>Queue number (blank: all queues)</source>
        <translation>Nº da fila (em branco: todas as filas)</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Desativar mudo</translation>
    </message>
    <message>
        <source>Your microphone is off: the caller does not hear you.</source>
        <translation>Seu microfone está desligado: quem ligou não ouve você.</translation>
    </message>
    <message>
        <source>Stop recording</source>
        <translation>Parar gravação</translation>
    </message>
    <message>
        <source>This call is being recorded. Click to stop.</source>
        <translation>Esta ligação está sendo gravada. Clique para parar.</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Retomar</translation>
    </message>
    <message>
        <source>Join the queue</source>
        <translation>Entrar na fila</translation>
    </message>
    <message>
        <source>Leave the queue</source>
        <translation>Sair da fila</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
    <message>
        <source>Queues</source>
        <translation>Filas</translation>
    </message>
    <message>
        <source>Not a phone number or extension.</source>
        <translation>Não é um número de telefone nem um ramal.</translation>
    </message>
    <message>
        <source>Type the number or extension to transfer to.</source>
        <translation>Digite o número ou ramal para onde transferir.</translation>
    </message>
</context>
<context>
    <name>PhonePresence</name>
    <message numerus="yes">
        <source>%n to call back</source>
        <translation>
            <numerusform>%n a retornar</numerusform>
            <numerusform>%n a retornar</numerusform>
        </translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Reconectar</translation>
    </message>
</context>
<context>
    <name>RangeBar</name>
    <message>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ontem</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 dias</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 dias</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Este mês</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Período</translation>
    </message>
    <message>
        <source>First day of the period</source>
        <translation>Primeiro dia do período</translation>
    </message>
    <message>
        <source>Last day of the period</source>
        <translation>Último dia do período</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Período:</translation>
    </message>
</context>
<context>
    <name>RecordingPlayer</name>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Parar</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Tocar</translation>
    </message>
    <message>
        <source>the recording could not be played</source>
        <translation>não foi possível tocar a gravação</translation>
    </message>
</context>
<context>
    <name>SessionFlow</name>
    <message>
        <source>Sign-in cancelled.</source>
        <translation>Entrada cancelada.</translation>
    </message>
    <message>
        <source>The server did not answer within {seconds} seconds. Check the internet connection and the API address, then try again.</source>
        <translation>O servidor não respondeu em {seconds} segundos. Confira a conexão com a internet e o endereço da API e tente de novo.</translation>
    </message>
    <message>
        <source>The keyring is locked, so the remembered token could not be removed from it: tvdesk will still sign in with it next time. Unlock the keyring and sign out again to remove it.</source>
        <translation>O chaveiro está bloqueado, então o token lembrado não pôde ser removido dele: o tvdesk ainda vai entrar com ele da próxima vez. Desbloqueie o chaveiro e saia da conta de novo para removê-lo.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Configurações</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma do sistema</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desligado</translation>
    </message>
    <message>
        <source>As spreadsheets in my language expect</source>
        <translation>Como as planilhas no meu idioma esperam</translation>
    </message>
    <message>
        <source>Comma (,) — plain CSV</source>
        <translation>Vírgula (,) — CSV simples</translation>
    </message>
    <message>
        <source>Semicolon (;) — spreadsheets in Portuguese</source>
        <translation>Ponto e vírgula (;) — planilhas em português</translation>
    </message>
    <message>
        <source>Show the supervisor&apos;s extensions screen</source>
        <translation>Mostrar a tela de ramais do supervisor</translation>
    </message>
    <message>
        <source>Bring tvdesk to the front on incoming calls</source>
        <translation>Trazer o tvdesk para a frente ao receber chamadas</translation>
    </message>
    <message>
        <source>Close the webphone when a call ends</source>
        <translation>Fechar o webphone ao fim de cada ligação</translation>
    </message>
    <message>
        <source>The floating window closes and the panel collapses at the end of each call.</source>
        <translation>A janela do webphone fecha e o painel recolhe ao fim de cada ligação.</translation>
    </message>
    <message>
        <source>Closing the window keeps tvdesk in the tray</source>
        <translation>Fechar a janela mantém o tvdesk na bandeja</translation>
    </message>
    <message>
        <source> days</source>
        <translation> dias</translation>
    </message>
    <message>
        <source>Keep my call history for</source>
        <translation>Guardar meu histórico de chamadas por</translation>
    </message>
    <message>
        <source>Forget my history…</source>
        <translation>Esquecer meu histórico…</translation>
    </message>
    <message>
        <source>Delete the call history kept on this computer</source>
        <translation>Apagar o histórico de chamadas guardado neste computador</translation>
    </message>
    <message>
        <source>Pause reasons, one per line</source>
        <translation>Motivos de pausa, um por linha</translation>
    </message>
    <message>
        <source>Offered when you pause from tvdesk; one per line. Empty: the standard list.</source>
        <translation>Oferecidos quando você pausa pelo tvdesk; um por linha. Vazio: a lista padrão.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Idioma:</translation>
    </message>
    <message>
        <source>Refresh automatically every:</source>
        <translation>Atualizar automaticamente a cada:</translation>
    </message>
    <message>
        <source>CSV separator:</source>
        <translation>Separador do CSV:</translation>
    </message>
    <message>
        <source>Keep my call history for:</source>
        <translation>Guardar meu histórico de chamadas por:</translation>
    </message>
    <message>
        <source>Pause reasons:</source>
        <translation>Motivos de pausa:</translation>
    </message>
</context>
<context>
    <name>SignInWindow</name>
    <message>
        <source>Sign in to TotalVoice</source>
        <translation>Entrar na TotalVoice</translation>
    </message>
    <message>
        <source>Paste the account&apos;s access token (TotalVoice panel → Minha conta → Token) and type your extension.</source>
        <translation>Cole o token de acesso da conta (painel da TotalVoice → Minha conta → Token) e digite o seu ramal.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acesso</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>Show or hide the token</source>
        <translation>Mostrar ou ocultar o token</translation>
    </message>
    <message>
        <source>e.g. 4000</source>
        <translation>ex.: 4000</translation>
    </message>
    <message>
        <source>Your extension</source>
        <translation>Seu ramal</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Escolher…</translation>
    </message>
    <message>
        <source>List the account&apos;s extensions (supervisors)</source>
        <translation>Listar os ramais da conta (supervisores)</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Lembrar de mim neste computador</translation>
    </message>
    <message>
        <source>The token is kept in the system&apos;s keyring, never in a file.</source>
        <translation>O token fica no chaveiro do sistema, nunca em um arquivo.</translation>
    </message>
    <message>
        <source>Advanced: API host</source>
        <translation>Avançado: servidor da API</translation>
    </message>
    <message>
        <source>Zenvia Voice (default)</source>
        <translation>Zenvia Voice (padrão)</translation>
    </message>
    <message>
        <source>TotalVoice, legacy (api2)</source>
        <translation>TotalVoice, antigo (api2)</translation>
    </message>
    <message>
        <source>TotalVoice, legacy (api)</source>
        <translation>TotalVoice, antigo (api)</translation>
    </message>
    <message>
        <source>Custom address…</source>
        <translation>Outro endereço…</translation>
    </message>
    <message>
        <source>Host:</source>
        <translation>Servidor:</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Endereço:</translation>
    </message>
    <message>
        <source>No TotalVoice account yet? Try tvdesk with a simulated phone system: nothing you do reaches a real one.</source>
        <translation>Ainda não tem conta na TotalVoice? Experimente o tvdesk com uma central telefônica simulada: nada do que você fizer chega a uma central real.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Experimentar a demonstração</translation>
    </message>
    <message>
        <source>Restarts tvdesk as `tvdesk --demo`</source>
        <translation>Reinicia o tvdesk como `tvdesk --demo`</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Entrar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Stop waiting for the server (Esc)</source>
        <translation>Parar de esperar pelo servidor (Esc)</translation>
    </message>
    <message>
        <source>Access token:</source>
        <translation>Token de acesso:</translation>
    </message>
    <message>
        <source>Your extension:</source>
        <translation>Seu ramal:</translation>
    </message>
    <message>
        <source>Paste the access token first.</source>
        <translation>Cole primeiro o token de acesso.</translation>
    </message>
    <message>
        <source>{host} is reached without encryption (http): anyone on the network could read your access token on its way. Use an https address unless your administrator told you otherwise.</source>
        <translation>{host} é acessado sem criptografia (http): qualquer pessoa na rede poderia ler seu token de acesso no caminho. Use um endereço https, a menos que o administrador tenha orientado outra coisa.</translation>
    </message>
    <message>
        <source>{host} is an address of a private or local network, not the phone service&apos;s. Send your access token to it only if your administrator gave you this address.</source>
        <translation>{host} é um endereço de uma rede privada ou local, não o do serviço de telefonia. Envie seu token de acesso para ele somente se o administrador passou este endereço.</translation>
    </message>
    <message>
        <source>Send the token to this server?</source>
        <translation>Enviar o token para este servidor?</translation>
    </message>
    <message>
        <source>Send it anyway</source>
        <translation>Enviar mesmo assim</translation>
    </message>
    <message>
        <source>Type your extension: 3 or 4 digits.</source>
        <translation>Digite o seu ramal: 3 ou 4 dígitos.</translation>
    </message>
    <message>
        <source>No extensions in this account</source>
        <translation>Nenhum ramal nesta conta</translation>
    </message>
</context>
<context>
    <name>SupervisorScreen</name>
    <message>
        <source>The account&apos;s extensions</source>
        <translation>Os ramais da conta</translation>
    </message>
    <message>
        <source>New extension</source>
        <translation>Novo ramal</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Excluir…</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recarregar</translation>
    </message>
    <message>
        <source>May call outside numbers</source>
        <translation>Pode ligar para números externos</translation>
    </message>
    <message>
        <source>May call mobile numbers</source>
        <translation>Pode ligar para celulares</translation>
    </message>
    <message>
        <source>Record calls</source>
        <translation>Gravar as ligações</translation>
    </message>
    <message>
        <source>May listen to recordings</source>
        <translation>Pode ouvir as gravações</translation>
    </message>
    <message>
        <source>May use the webphone</source>
        <translation>Pode usar o webphone</translation>
    </message>
    <message>
        <source>Voicemail instead of ringing</source>
        <translation>Caixa postal em vez de tocar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvar</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar alterações</translation>
    </message>
    <message>
        <source>Extension (3-4 digits)</source>
        <translation>Ramal (3 ou 4 dígitos)</translation>
    </message>
    <message>
        <source>Login (e-mail)</source>
        <translation>Login (e-mail)</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Senha</translation>
    </message>
    <message>
        <source>Caller ID</source>
        <translation>Bina</translation>
    </message>
    <message>
        <source>IVR id</source>
        <translation>Id da URA</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>sem alteração</translation>
    </message>
    <message>
        <source>Editing extension {number}</source>
        <translation>Editando o ramal {number}</translation>
    </message>
    <message>
        <source>generated if empty</source>
        <translation>gerada se ficar vazia</translation>
    </message>
    <message>
        <source>Enter the caller ID as a phone number with its area code, for example (48) 3333-4444.</source>
        <translation>Informe a bina como um número de telefone com DDD, por exemplo (48) 3333-4444.</translation>
    </message>
    <message>
        <source>Nothing to save: no field was changed.</source>
        <translation>Nada para salvar: nenhum campo foi alterado.</translation>
    </message>
    <message>
        <source>Extension {number} created. Its password is {password}.</source>
        <translation>Ramal {number} criado. A senha dele é {password}.</translation>
    </message>
    <message>
        <source>Extension {number} saved.</source>
        <translation>Ramal {number} salvo.</translation>
    </message>
    <message>
        <source>Delete extension</source>
        <translation>Excluir ramal</translation>
    </message>
    <message>
        <source>Delete extension {number} ({login})? This cannot be undone.</source>
        <translation>Excluir o ramal {number} ({login})? Isso não pode ser desfeito.</translation>
    </message>
    <message>
        <source>Extension {number} deleted.</source>
        <translation>Ramal {number} excluído.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something unexpected went wrong inside tvdesk ({error}). tvdesk keeps running; if this happens again, restart it when you are not on a call.</source>
        <translation>Algo inesperado deu errado no tvdesk ({error}). O tvdesk continua funcionando; se acontecer de novo, reinicie-o quando não estiver em uma ligação.</translation>
    </message>
</context>
<context>
    <name>TokenDialog</name>
    <message>
        <source>The TotalVoice server refused the access token. Paste the current one (TotalVoice panel → Minha conta → Token); your calls and the phone are not interrupted.</source>
        <translation>O servidor da TotalVoice recusou o token de acesso. Cole o token atual (painel da TotalVoice → Minha conta → Token); suas ligações e o telefone não são interrompidos.</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token de acesso</translation>
    </message>
    <message>
        <source>Remember me on this computer</source>
        <translation>Lembrar de mim neste computador</translation>
    </message>
    <message>
        <source>Paste the access token first.</source>
        <translation>Cole primeiro o token de acesso.</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show tvdesk</source>
        <translation>Mostrar o tvdesk</translation>
    </message>
    <message>
        <source>Dial the copied number</source>
        <translation>Discar o número copiado</translation>
    </message>
    <message>
        <source>Pause in the queues</source>
        <translation>Pausar nas filas</translation>
    </message>
    <message>
        <source>Resume in the queues</source>
        <translation>Retomar nas filas</translation>
    </message>
    <message>
        <source>Quit tvdesk</source>
        <translation>Sair do tvdesk</translation>
    </message>
    <message>
        <source>tvdesk</source>
        <translation>tvdesk</translation>
    </message>
    <message>
        <source>Hide tvdesk</source>
        <translation>Ocultar o tvdesk</translation>
    </message>
    <message numerus="yes">
        <source>Missed calls: %n</source>
        <translation>
            <numerusform>Chamadas perdidas: %n</numerusform>
            <numerusform>Chamadas perdidas: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Webphone</name>
    <message>
        <source>No microphone was found. Plug in a headset or microphone, then click Reconnect.</source>
        <translation>Nenhum microfone foi encontrado. Conecte um headset ou microfone e clique em Reconectar.</translation>
    </message>
    <message>
        <source>The webphone could not use the microphone. Check that no other program holds it and that the system allows tvdesk to use it, then click Reconnect.</source>
        <translation>O webphone não conseguiu usar o microfone. Confira se nenhum outro programa está usando e se o sistema permite que o tvdesk o use; depois clique em Reconectar.</translation>
    </message>
    <message>
        <source>The webphone reported a problem: {error}</source>
        <translation>O webphone informou um problema: {error}</translation>
    </message>
    <message>
        <source>This extension may not use the webphone. A supervisor can allow it.</source>
        <translation>Este ramal não tem permissão para usar o webphone. Um supervisor pode liberar.</translation>
    </message>
    <message>
        <source>{problem} Trying again in {seconds} s…</source>
        <translation>{problem} Tentando de novo em {seconds} s…</translation>
    </message>
    <message>
        <source>Paused in queue {queue}.</source>
        <translation>Pausado na fila {queue}.</translation>
    </message>
    <message>
        <source>Paused in the queues.</source>
        <translation>Pausado nas filas.</translation>
    </message>
    <message>
        <source>Back in queue {queue}.</source>
        <translation>De volta à fila {queue}.</translation>
    </message>
    <message>
        <source>Back in the queues.</source>
        <translation>De volta às filas.</translation>
    </message>
    <message>
        <source>Joined queue {queue}.</source>
        <translation>Entrou na fila {queue}.</translation>
    </message>
    <message>
        <source>Joined the queues.</source>
        <translation>Entrou nas filas.</translation>
    </message>
    <message>
        <source>Left queue {queue}.</source>
        <translation>Saiu da fila {queue}.</translation>
    </message>
    <message>
        <source>Left the queues.</source>
        <translation>Saiu das filas.</translation>
    </message>
    <message>
        <source>Finish the call before reconnecting the webphone: reconnecting would end it.</source>
        <translation>Termine a ligação antes de reconectar o webphone: reconectar a encerraria.</translation>
    </message>
    <message>
        <source>Finish the call before changing how the webphone is shown.</source>
        <translation>Encerre a ligação antes de mudar a forma de exibir o webphone.</translation>
    </message>
    <message>
        <source>{number} could not be dialed: {error}</source>
        <translation>Não foi possível discar para {number}: {error}</translation>
    </message>
    <message>
        <source>The webphone did not connect.</source>
        <translation>O webphone não conectou.</translation>
    </message>
    <message>
        <source>The webphone disconnected; reconnecting…</source>
        <translation>O webphone desconectou; reconectando…</translation>
    </message>
    <message>
        <source>Call transferred to {number}.</source>
        <translation>Ligação transferida para {number}.</translation>
    </message>
    <message>
        <source>The webphone&apos;s sign-in link expired.</source>
        <translation>O link de acesso do webphone expirou.</translation>
    </message>
    <message>
        <source>The webphone reported a problem again: {error}. Click Reconnect to try once more; if it keeps happening, tell your supervisor.</source>
        <translation>O webphone informou um problema de novo: {error}. Clique em Reconectar para tentar mais uma vez; se continuar acontecendo, avise seu supervisor.</translation>
    </message>
    <message>
        <source>The webphone stopped unexpectedly; reconnecting…</source>
        <translation>O webphone parou inesperadamente; reconectando…</translation>
    </message>
    <message>
        <source>Finish the current call before dialing another number.</source>
        <translation>Encerre a ligação atual antes de discar outro número.</translation>
    </message>
    <message>
        <source>The webphone is connecting: the call starts as soon as it is ready.</source>
        <translation>O webphone está conectando: a ligação começa assim que ele estiver pronto.</translation>
    </message>
    <message>
        <source>The webphone did not start the call to {number}. Check the number and try again.</source>
        <translation>O webphone não iniciou a ligação para {number}. Confira o número e tente de novo.</translation>
    </message>
    <message>
        <source>Consulting {number}: the transfer completes when you hang up.</source>
        <translation>Consultando {number}: a transferência se completa quando você desligar.</translation>
    </message>
    <message>
        <source>The call was not transferred to {number}: it is still with you.</source>
        <translation>A ligação não foi transferida para {number}: ela continua com você.</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;File</source>
        <extracomment>what a text field keeps for itself even where the window has a shortcut for the key</extracomment>
        <translation>&amp;Arquivo</translation>
    </message>
    <message>
        <source>Export calls to CSV…</source>
        <translation>Exportar chamadas para CSV…</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Sair da conta</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Sair</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Exibir</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Atualizar</translation>
    </message>
    <message>
        <source>Search calls</source>
        <translation>Buscar chamadas</translation>
    </message>
    <message>
        <source>Dial a number</source>
        <translation>Discar um número</translation>
    </message>
    <message>
        <source>Dial the copied number</source>
        <translation>Discar o número copiado</translation>
    </message>
    <message>
        <source>Stop loading</source>
        <translation>Parar de carregar</translation>
    </message>
    <message>
        <source>Pause history</source>
        <translation>Histórico de pausas</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Chamadas</translation>
    </message>
    <message>
        <source>To call back</source>
        <translation>A retornar</translation>
    </message>
    <message>
        <source>My day</source>
        <translation>Meu dia</translation>
    </message>
    <message>
        <source>&amp;Phone</source>
        <translation>&amp;Telefone</translation>
    </message>
    <message>
        <source>Webphone in this window</source>
        <translation>Webphone nesta janela</translation>
    </message>
    <message>
        <source>Webphone in its own window</source>
        <translation>Webphone em janela própria</translation>
    </message>
    <message>
        <source>tvdesk&apos;s own phone controls</source>
        <translation>Controles de telefone do tvdesk</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Hang up</source>
        <translation>Desligar</translation>
    </message>
    <message>
        <source>Mute or unmute</source>
        <translation>Silenciar ou reativar o microfone</translation>
    </message>
    <message>
        <source>Send tones (DTMF)…</source>
        <translation>Enviar tons (DTMF)…</translation>
    </message>
    <message>
        <source>Pause in the queues</source>
        <translation>Pausar nas filas</translation>
    </message>
    <message>
        <source>Resume in the queues</source>
        <translation>Retomar nas filas</translation>
    </message>
    <message>
        <source>Show the webphone window</source>
        <translation>Mostrar a janela do webphone</translation>
    </message>
    <message>
        <source>Reconnect the webphone</source>
        <translation>Reconectar o webphone</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Ferramentas</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Configurações…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Aj&amp;uda</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atalhos de teclado</translation>
    </message>
    <message>
        <source>About tvdesk</source>
        <translation>Sobre o tvdesk</translation>
    </message>
</context>
</TS>
